// Completion codes: IPMI v2.0 §5.2 table 5-2 (generic), plus command-specific meanings (0x80-0xBE)
// that depend on (netFn, cmd), declared with each command in the command registry. Command-specific text
// wins over the generic table, as FreeIPMI's ipmi-error-util and pyghmi's constants do.
import { commandEntry } from './command-registry';

/** IPMI v2.0 table 5-2: the codes that mean the same for every command. */
export const GENERIC_COMPLETION_CODES: Readonly<Record<number, string>> = {
  0x00: 'Command completed normally',
  0xc0: 'Node busy',
  0xc1: 'Invalid command',
  0xc2: 'Invalid command on LUN',
  0xc3: 'Timeout',
  0xc4: 'Out of space',
  0xc5: 'Reservation cancelled or invalid',
  0xc6: 'Request data truncated',
  0xc7: 'Request data length invalid',
  0xc8: 'Request data field length limit exceeded',
  0xc9: 'Parameter out of range',
  0xca: 'Cannot return number of requested data bytes',
  0xcb: 'Requested sensor, data, or record not found',
  0xcc: 'Invalid data field in request',
  0xcd: 'Command illegal for specified sensor or record type',
  0xce: 'Command response could not be provided',
  0xcf: 'Cannot execute duplicated request',
  0xd0: 'SDR Repository in update mode',
  0xd1: 'Device firmware in update mode',
  0xd2: 'BMC initialization in progress',
  0xd3: 'Destination unavailable',
  0xd4: 'Insufficient privilege level',
  0xd5: 'Command not supported in present state',
  0xd6: 'Cannot execute command, command disabled',
  0xff: 'Unspecified error',
};

export function completionCodeText(code: number, netFn?: number, cmd?: number): string {
  if (netFn !== undefined && cmd !== undefined) {
    const s = commandEntry(netFn, cmd)?.codes?.[code];
    if (s) return s;
  }
  const g = GENERIC_COMPLETION_CODES[code];
  if (g) return g;
  if (code >= 0x80 && code <= 0xbe) return `Command-specific error 0x${hex2(code)}`;
  if (code >= 0x01 && code <= 0x7e) return `OEM error 0x${hex2(code)}`;
  return `Unknown completion code 0x${hex2(code)}`;
}

/** Node busy and timeout are worth retrying; everything else is a definite answer. */
export function isTemporaryCompletionCode(code: number): boolean {
  return code === 0xc0 || code === 0xc3;
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');
