// Completion-code text exactly as ipmitool 1.8.19 prints it (lib/ipmi_strings.c completion_code_vals,
// lib/helper.c val2str): our generic table (ipmitool has the same codes), except ipmitool's spelling of
// 0xD1, and "Unknown (0xNN)" for codes outside it, where we would print the command-specific meaning.
import { GENERIC_COMPLETION_CODES } from '../../ipmi/message/completion-codes';

const IPMITOOL_SPELLING: Record<number, string> = { 0xd1: 'Device firmeware in update mode' };

/** ipmitool's `val2str(code, completion_code_vals)`. */
export function ipmitoolCcText(code: number): string {
  const special = IPMITOOL_SPELLING[code];
  if (special) return special;
  const generic = GENERIC_COMPLETION_CODES[code];
  if (generic !== undefined) return generic;
  return unknownValue(code);
}

/** ipmitool's fallback for a value missing from a table: "Unknown (0x%02X)". */
export function unknownValue(v: number): string {
  return `Unknown (0x${v.toString(16).toUpperCase().padStart(2, '0')})`;
}
