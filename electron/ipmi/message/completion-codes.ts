// Completion codes: IPMI v2.0 §5.2 table 5-2 (generic), plus command-specific meanings (0x80-0xBE)
// that depend on (netFn, cmd). Command-specific text wins over the generic table, as FreeIPMI's
// ipmi-error-util and pyghmi's constants do.

const generic: Record<number, string> = {
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

/** key: (netFn << 8) | cmd */
const specific: Record<number, Record<number, string>> = {
  [(0x06 << 8) | 0x3a]: {
    0x81: 'No session slot available',
    0x82: 'No slot available for given user',
    0x83: 'No slot available to support user due to maximum privilege capability',
    0x84: 'Session sequence number out-of-range',
    0x85: 'Invalid session ID in request',
    0x86: 'Requested maximum privilege level exceeds user and/or channel privilege limit',
  },
  [(0x06 << 8) | 0x39]: { 0x81: 'Invalid user name', 0x82: 'Null user name (User 1) not enabled' },
  [(0x06 << 8) | 0x3b]: {
    0x80: 'Requested level not available for this user',
    0x81: 'Requested level exceeds channel and/or user privilege limit',
    0x82: 'Cannot disable user level authentication',
  },
  [(0x06 << 8) | 0x3c]: { 0x87: 'Invalid session ID in request', 0x88: 'Invalid session handle in request' },
  [(0x06 << 8) | 0x47]: {
    0x80: 'Password test failed: password size is correct but the password is wrong',
    0x81: 'Password test failed: wrong password size',
  },
  [(0x06 << 8) | 0x48]: {
    0x80: 'Payload already active on another session',
    0x81: 'Payload type is disabled',
    0x82: 'Payload activation limit reached',
    0x83: 'Cannot activate payload with encryption',
    0x84: 'Cannot activate payload without encryption',
  },
  [(0x06 << 8) | 0x49]: { 0x80: 'Payload already deactivated', 0x81: 'Payload type is disabled' },
  [(0x0c << 8) | 0x01]: {
    0x80: 'Parameter not supported',
    0x81: 'Attempt to set the set-in-progress value while not in set-complete state',
    0x82: 'Attempt to write a read-only parameter',
    0x83: 'Attempt to read a write-only parameter',
  },
  [(0x0c << 8) | 0x02]: { 0x80: 'Parameter not supported' },
  [(0x0c << 8) | 0x21]: {
    0x80: 'Parameter not supported',
    0x81: 'Attempt to set the set-in-progress value while not in set-complete state',
    0x82: 'Attempt to write a read-only parameter',
  },
  [(0x0c << 8) | 0x22]: { 0x80: 'Parameter not supported' },
  [(0x00 << 8) | 0x08]: {
    0x80: 'Parameter not supported',
    0x81: 'Attempt to set the set-in-progress value while not in set-complete state',
    0x82: 'Attempt to write a read-only parameter',
  },
  [(0x00 << 8) | 0x09]: { 0x80: 'Parameter not supported' },
  [(0x0a << 8) | 0x11]: { 0x81: 'FRU device busy' },
  [(0x0a << 8) | 0x12]: { 0x80: 'Write-protected offset', 0x81: 'FRU device busy' },
  [(0x0a << 8) | 0x46]: {
    0x80: 'Operation not supported for this record type',
    0x81: 'Cannot execute command, SEL erase in progress',
  },
  [(0x0a << 8) | 0x43]: { 0x81: 'Cannot execute command, SEL erase in progress' },
  [(0x32 << 8) | 0x76]: {
    0x80: 'Firewall parameter not supported',
    0x81: 'Invalid firewall rule time (start/stop)',
    0x82: 'Attempt to write a read-only firewall parameter',
    0x83: 'Attempt to access HTTP port 80',
  },
};

export function completionCodeText(code: number, netFn?: number, cmd?: number): string {
  if (netFn !== undefined && cmd !== undefined) {
    const s = specific[((netFn & 0x3e) << 8) | cmd]?.[code];
    if (s) return s;
  }
  const g = generic[code];
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
