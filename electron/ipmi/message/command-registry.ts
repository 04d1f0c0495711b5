// Every IPMI command we send, declared once: NetFn/command, the spec's title (used in every error),
// the least privilege the BMC demands (IPMI v2.0 appendix G; a session below it gets 0xD4), and the
// command's own completion codes (0x80-0xBE mean something different for every command: IPMI v2.0
// §5.2 and each command's table). commandName() (client/command-names.ts) and completionCodeText()
// (message/completion-codes.ts) are derived from this list; command-registry.test.ts checks every
// CommandSpec of electron/ipmi/commands against it. Add a command here when you add its module.

/** 'none': answered outside a session (login and discovery); 'callback' is IPMI's lowest session level. */
export type CommandPrivilege = 'none' | 'callback' | 'user' | 'operator' | 'administrator';

export interface CommandEntry {
  /** request NetFn (even) */
  readonly netFn: number;
  readonly cmd: number;
  /** the IPMI spec's title (the vendor's for OEM commands) */
  readonly name: string;
  readonly privilege: CommandPrivilege;
  /** command-specific completion codes and their meaning */
  readonly codes?: Readonly<Record<number, string>>;
}

// Shared tables of command-specific codes (the configuration-parameter commands all use these).
const PARAM_GET = { 0x80: 'Parameter not supported' } as const;
const PARAM_SET = {
  0x80: 'Parameter not supported',
  0x81: 'Attempt to set the set-in-progress value while not in set-complete state',
  0x82: 'Attempt to write a read-only parameter',
} as const;
const SEL_ERASING = { 0x81: 'Cannot execute command, SEL erase in progress' } as const;

const entry = (
  netFn: number,
  cmd: number,
  name: string,
  privilege: CommandPrivilege,
  codes?: Record<number, string>,
): CommandEntry => (codes ? { netFn, cmd, name, privilege, codes } : { netFn, cmd, name, privilege });

export const COMMANDS: readonly CommandEntry[] = [
  // Chassis (NetFn 0x00)
  entry(0x00, 0x00, 'Get Chassis Capabilities', 'user'),
  entry(0x00, 0x01, 'Get Chassis Status', 'user'),
  entry(0x00, 0x02, 'Chassis Control', 'operator'),
  entry(0x00, 0x04, 'Chassis Identify', 'operator'),
  entry(0x00, 0x06, 'Set Power Restore Policy', 'operator'),
  entry(0x00, 0x07, 'Get System Restart Cause', 'user'),
  entry(0x00, 0x08, 'Set System Boot Options', 'operator', PARAM_SET),
  entry(0x00, 0x09, 'Get System Boot Options', 'operator', PARAM_GET),
  entry(0x00, 0x0f, 'Get POH Counter', 'user'),
  // Sensor/Event (NetFn 0x04)
  entry(0x04, 0x02, 'Platform Event Message', 'operator'),
  entry(0x04, 0x10, 'Get PEF Capabilities', 'user'),
  entry(0x04, 0x13, 'Get PEF Configuration Parameters', 'operator', PARAM_GET),
  entry(0x04, 0x15, 'Get Last Processed Event ID', 'administrator'),
  entry(0x04, 0x25, 'Get Sensor Hysteresis', 'user'),
  entry(0x04, 0x26, 'Set Sensor Thresholds', 'operator'),
  entry(0x04, 0x27, 'Get Sensor Thresholds', 'user'),
  entry(0x04, 0x29, 'Get Sensor Event Enable', 'user'),
  entry(0x04, 0x2d, 'Get Sensor Reading', 'user'),
  // App (NetFn 0x06)
  entry(0x06, 0x01, 'Get Device ID', 'user'),
  entry(0x06, 0x02, 'Cold Reset', 'administrator'),
  entry(0x06, 0x03, 'Warm Reset', 'administrator'),
  entry(0x06, 0x04, 'Get Self Test Results', 'user'),
  entry(0x06, 0x08, 'Get Device GUID', 'user'),
  entry(0x06, 0x2e, 'Set BMC Global Enables', 'administrator'),
  entry(0x06, 0x2f, 'Get BMC Global Enables', 'user'),
  entry(0x06, 0x34, 'Send Message', 'user'),
  entry(0x06, 0x37, 'Get System GUID', 'none'),
  entry(0x06, 0x38, 'Get Channel Authentication Capabilities', 'none'),
  entry(0x06, 0x39, 'Get Session Challenge', 'none', {
    0x81: 'Invalid user name',
    0x82: 'Null user name (User 1) not enabled',
  }),
  entry(0x06, 0x3a, 'Activate Session', 'none', {
    0x81: 'No session slot available',
    0x82: 'No slot available for given user',
    0x83: 'No slot available to support user due to maximum privilege capability',
    0x84: 'Session sequence number out-of-range',
    0x85: 'Invalid session ID in request',
    0x86: 'Requested maximum privilege level exceeds user and/or channel privilege limit',
  }),
  entry(0x06, 0x3b, 'Set Session Privilege Level', 'user', {
    0x80: 'Requested level not available for this user',
    0x81: 'Requested level exceeds channel and/or user privilege limit',
    0x82: 'Cannot disable user level authentication',
  }),
  entry(0x06, 0x3c, 'Close Session', 'callback', {
    0x87: 'Invalid session ID in request',
    0x88: 'Invalid session handle in request',
  }),
  entry(0x06, 0x3d, 'Get Session Info', 'user'),
  entry(0x06, 0x40, 'Set Channel Access', 'administrator'),
  entry(0x06, 0x41, 'Get Channel Access', 'user'),
  entry(0x06, 0x42, 'Get Channel Info', 'user'),
  entry(0x06, 0x43, 'Set User Access', 'administrator'),
  entry(0x06, 0x44, 'Get User Access', 'operator'),
  entry(0x06, 0x45, 'Set User Name', 'administrator'),
  entry(0x06, 0x46, 'Get User Name', 'operator'),
  entry(0x06, 0x47, 'Set User Password', 'administrator', {
    0x80: 'Password test failed: password size is correct but the password is wrong',
    0x81: 'Password test failed: wrong password size',
  }),
  // SOL payloads need the privilege the SOL configuration names (User by default)
  entry(0x06, 0x48, 'Activate Payload', 'user', {
    0x80: 'Payload already active on another session',
    0x81: 'Payload type is disabled',
    0x82: 'Payload activation limit reached',
    0x83: 'Cannot activate payload with encryption',
    0x84: 'Cannot activate payload without encryption',
  }),
  entry(0x06, 0x49, 'Deactivate Payload', 'user', {
    0x80: 'Payload already deactivated',
    0x81: 'Payload type is disabled',
  }),
  entry(0x06, 0x4a, 'Get Payload Activation Status', 'user'),
  entry(0x06, 0x54, 'Get Channel Cipher Suites', 'none'),
  // Storage (NetFn 0x0A)
  entry(0x0a, 0x10, 'Get FRU Inventory Area Info', 'user'),
  entry(0x0a, 0x11, 'Read FRU Data', 'user', { 0x81: 'FRU device busy' }),
  entry(0x0a, 0x12, 'Write FRU Data', 'operator', {
    0x80: 'Write-protected offset',
    0x81: 'FRU device busy',
  }),
  entry(0x0a, 0x20, 'Get SDR Repository Info', 'user'),
  entry(0x0a, 0x22, 'Reserve SDR Repository', 'user'),
  entry(0x0a, 0x23, 'Get SDR', 'user'),
  entry(0x0a, 0x40, 'Get SEL Info', 'user'),
  entry(0x0a, 0x42, 'Reserve SEL', 'user'),
  entry(0x0a, 0x43, 'Get SEL Entry', 'user', SEL_ERASING),
  entry(0x0a, 0x46, 'Delete SEL Entry', 'operator', {
    0x80: 'Operation not supported for this record type',
    ...SEL_ERASING,
  }),
  entry(0x0a, 0x47, 'Clear SEL', 'operator'),
  entry(0x0a, 0x48, 'Get SEL Time', 'user'),
  entry(0x0a, 0x49, 'Set SEL Time', 'operator'),
  // Transport (NetFn 0x0C)
  entry(0x0c, 0x01, 'Set LAN Configuration Parameters', 'administrator', {
    ...PARAM_SET,
    0x83: 'Attempt to read a write-only parameter',
  }),
  entry(0x0c, 0x02, 'Get LAN Configuration Parameters', 'operator', PARAM_GET),
  entry(0x0c, 0x21, 'Set SOL Configuration Parameters', 'administrator', PARAM_SET),
  entry(0x0c, 0x22, 'Get SOL Configuration Parameters', 'user', PARAM_GET),
  // IPMI v1.5 SOL (NetFn 0x34, IPMI v1.5 SOL addendum): configuration as the LAN commands
  entry(0x34, 0x03, 'Set ISOL Configuration', 'administrator'),
  entry(0x34, 0x04, 'Get ISOL Configuration', 'user'),
  // OEM. Privileges are the vendors' (Supermicro: a read; AMI: firewall changes need Administrator)
  entry(0x30, 0x21, 'Get Board ID', 'user'), // Supermicro
  entry(0x32, 0x76, 'AMI Set Firewall', 'administrator', {
    0x80: 'Firewall parameter not supported',
    0x81: 'Invalid firewall rule time (start/stop)',
    0x82: 'Attempt to write a read-only firewall parameter',
    0x83: 'Attempt to access HTTP port 80',
  }),
  entry(0x32, 0x77, 'AMI Get Firewall', 'user'), // AMI's handler table: Get at USER, Set at ADMIN
];

/** key of a command: a response's NetFn (odd) finds its request's entry */
const key = (netFn: number, cmd: number) => ((netFn & 0x3e) << 8) | cmd;
const BY_KEY = new Map(COMMANDS.map((c) => [key(c.netFn, c.cmd), c]));

/** The registry entry of a request (or response) NetFn and command, if we know the command. */
export function commandEntry(netFn: number, cmd: number): CommandEntry | undefined {
  return BY_KEY.get(key(netFn, cmd));
}
