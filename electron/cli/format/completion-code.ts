// Completion-code text exactly as ipmitool 1.8.19 prints it (lib/ipmi_strings.c completion_code_vals,
// lib/helper.c val2str): our own table, except ipmitool's spelling of 0xD1, and "Unknown (0xNN)" for
// codes outside the generic table, where we would print the command-specific meaning.
import { completionCodeText } from '../../ipmi/message/completion-codes';

const IPMITOOL_SPELLING: Record<number, string> = { 0xd1: 'Device firmeware in update mode' };
const IN_GENERIC_TABLE = (code: number) => code === 0 || (code >= 0xc0 && code <= 0xd6) || code === 0xff;

/** ipmitool's `val2str(code, completion_code_vals)`. */
export function ipmitoolCcText(code: number): string {
  const special = IPMITOOL_SPELLING[code];
  if (special) return special;
  if (IN_GENERIC_TABLE(code)) return completionCodeText(code);
  return unknownValue(code);
}

/** ipmitool's fallback for a value missing from a table: "Unknown (0x%02X)". */
export function unknownValue(v: number): string {
  return `Unknown (0x${v.toString(16).toUpperCase().padStart(2, '0')})`;
}
