// `lan set 1 auth|arp|snmp|bad_pass_thresh` on BMCs that keep those parameters (e2e/lab/pyghmi-lan-bmc.py;
// ipmi_sim refuses or lacks them, see lan-channel-set-writes.test.ts). ipmitool 1.8.19 writes one such
// BMC, bmcdesk another, started alike; after every step ipmitool's `lan print 1` of both must be equal
// and must differ from the one before in exactly the lines the step names. stdout and exit codes are
// identical, and ipmitool's stderr lines are ours too. The deliberate difference (comma lists in
// `auth`: ipmitool 1.8.19 honours only the last name) is asserted in its own test.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipmitool, type ToolResult } from '../lab/bmc-lab';
import { startPyghmiPeer, type PyghmiPeer } from '../lab/pyghmi-peer';
import { runBmcdesk } from './run-bmcdesk';

let theirsBmc: PyghmiPeer;
let oursBmc: PyghmiPeer;
beforeAll(async () => {
  [theirsBmc, oursBmc] = await Promise.all([
    startPyghmiPeer('pyghmi-lan-bmc.py'),
    startPyghmiPeer('pyghmi-lan-bmc.py'),
  ]);
});
afterAll(async () => {
  await Promise.all([theirsBmc?.stop(), oursBmc?.stop()]);
});

async function lanPrint(bmc: PyghmiPeer): Promise<string[]> {
  const r = await ipmitool(bmc, ['lan', 'print', '1']);
  expect(r.code, r.stderr).toBe(0);
  return r.stdout.split('\n');
}

function changed(before: string[], after: string[]): [string, string][] {
  expect(after).toHaveLength(before.length);
  return before.flatMap((b, i) => (b === after[i] ? [] : [[b, after[i]!] as [string, string]]));
}

function sameOutput(theirs: ToolResult, ours: ToolResult): void {
  expect(ours.stdout).toBe(theirs.stdout);
  expect(ours.code).toBe(theirs.code);
  for (const line of theirs.stderr.split('\n').filter(Boolean)) expect(ours.stderr).toContain(line);
}

const ADMIN = '                        : Admin    : ';
const ARP = 'BMC ARP Control         : ';
const STEPS: [args: string[], code: number, stdout: string, changes: [string, string][]][] = [
  [
    ['arp', 'respond', 'off'],
    0,
    'Disabling BMC-generated ARP responses\n',
    [
      [
        ARP + 'ARP Responses Enabled, Gratuitous ARP Disabled',
        ARP + 'ARP Responses Disabled, Gratuitous ARP Disabled',
      ],
    ],
  ],
  [
    ['arp', 'generate', 'on'],
    0,
    'Enabling BMC-generated Gratuitous ARPs\n',
    [
      [
        ARP + 'ARP Responses Disabled, Gratuitous ARP Disabled',
        ARP + 'ARP Responses Disabled, Gratuitous ARP Enabled',
      ],
    ],
  ],
  [
    ['arp', 'respond', 'on'],
    0,
    'Enabling BMC-generated ARP responses\n',
    [
      [
        ARP + 'ARP Responses Disabled, Gratuitous ARP Enabled',
        ARP + 'ARP Responses Enabled, Gratuitous ARP Enabled',
      ],
    ],
  ],
  [
    ['arp', 'interval', '5'],
    0,
    'BMC-generated Gratuitous ARP interval:  5.0 seconds\n',
    [['Gratituous ARP Intrvl   : 2.0 seconds', 'Gratituous ARP Intrvl   : 5.0 seconds']],
  ],
  [['arp', 'interval', '0'], 0, 'BMC-generated Gratuitous ARP interval:  5.0 seconds\n', []],
  [['arp', 'interval', '200'], 1, '', []],
  [['auth', 'ADMIN', 'MD5'], 0, '', [[ADMIN + 'MD5 PASSWORD ', ADMIN + 'MD5 ']]],
  [
    ['auth', 'CALLBACK', 'none'],
    0,
    '',
    [['Auth Type Enable        : Callback : MD5 PASSWORD ', 'Auth Type Enable        : Callback : NONE ']],
  ],
  [['auth', 'ADMIN', 'RC4'], 0, '', [[ADMIN + 'MD5 ', ADMIN]]],
  [['auth', 'ROOT', 'MD5'], 0, '', []],
  [
    ['snmp', 'private'],
    0,
    'Setting LAN SNMP Community String to private\n',
    [['SNMP Community String   : public', 'SNMP Community String   : private']],
  ],
  [
    ['bad_pass_thresh', '3', '1', '6', '12'],
    0,
    '',
    [
      ['Bad Password Threshold  : 5', 'Bad Password Threshold  : 3'],
      ['Invalid password disable: no', 'Invalid password disable: yes'],
    ],
  ],
  [
    ['bad_pass_thresh', '3', '1', '9', '30'],
    0,
    '',
    [
      ['Attempt Count Reset Int.: 60', 'Attempt Count Reset Int.: 90'],
      ['User Lockout Interval   : 120', 'User Lockout Interval   : 300'],
    ],
  ],
];

describe('lan set on a BMC that keeps every parameter, read back by ipmitool lan print', () => {
  let last: string[] = [];
  beforeAll(async () => {
    const [a, b] = await Promise.all([lanPrint(theirsBmc), lanPrint(oursBmc)]);
    expect(b).toEqual(a);
    expect(a).toContain(ARP + 'ARP Responses Enabled, Gratuitous ARP Disabled');
    last = a;
  });

  for (const [rest, code, stdout, changes] of STEPS) {
    const args = ['lan', 'set', '1', ...rest];
    it(args.join(' '), async () => {
      const [theirs, ours] = await Promise.all([ipmitool(theirsBmc, args), runBmcdesk(oursBmc.port, args)]);
      sameOutput(theirs, ours);
      expect(theirs.code).toBe(code);
      expect(theirs.stdout).toBe(stdout);
      const [a, b] = await Promise.all([lanPrint(theirsBmc), lanPrint(oursBmc)]);
      expect(b).toEqual(a);
      expect(changed(last, a)).toEqual(changes);
      last = a;
    });
  }

  it('auth OPERATOR NONE,MD2: ipmitool enables MD2 only and warns, we enable both', async () => {
    const args = ['lan', 'set', '1', 'auth', 'OPERATOR', 'NONE,MD2'];
    const [theirs, ours] = await Promise.all([ipmitool(theirsBmc, args), runBmcdesk(oursBmc.port, args)]);
    expect(theirs.stderr).toBe('Invalid authentication type: NONE,MD2\n');
    expect(ours.stderr).toBe('');
    expect([theirs.code, ours.code]).toEqual([0, 0]);
    const [a, b] = await Promise.all([lanPrint(theirsBmc), lanPrint(oursBmc)]);
    const OPERATOR = '                        : Operator : ';
    expect(changed(last, a)).toEqual([[OPERATOR + 'MD5 PASSWORD ', OPERATOR + 'MD2 ']]);
    expect(changed(last, b)).toEqual([[OPERATOR + 'MD5 PASSWORD ', OPERATOR + 'NONE MD2 ']]);
  });
});
