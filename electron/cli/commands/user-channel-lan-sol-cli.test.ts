// The user, channel, lan and sol CLI families against fake sessions. Texts are ipmitool 1.8.19's
// output against the lab ipmi_sim (LAB, captured for this module; the fake BMC replays the same replies).
// Every argument error must end the command with ipmitool's message, exit 1, and no session opened.
import { describe, expect, it } from 'vitest';
import type { IpmiRequest } from '../../ipmi/client/requester';
import type { ConnectOptions } from '../../ipmi/client/connect';
import { FakeRequester, type FakeAnswer } from '../../ipmi/commands/fake-requester';
import { labLanAnswer, labSolAnswer } from '../../ipmi/commands/transport/lab-replies';
import type { CliCommand, CliContext } from '../context';
import { channelCommand } from './channel';
import { lanCommand } from './lan';
import { solCommand } from './sol';
import { NEW_PASSWORD_ENV, userCommand } from './user';

function harness(
  answer: (req: IpmiRequest, i: number) => FakeAnswer = () => ({}),
  extra: Partial<CliContext> = {},
) {
  const fake = new FakeRequester(answer);
  let opened = 0;
  let out = '';
  let err = '';
  const ctx: CliContext = {
    options: { host: 'bmc.test', port: 46727, username: 'admin', password: 'x' } as ConnectOptions,
    session: async () => {
      opened++;
      return fake;
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
    ...extra,
  };
  return { ctx, fake, opened: () => opened, out: () => out, err: () => err };
}

const run = async (
  cmd: CliCommand,
  args: string[],
  answer?: (req: IpmiRequest, i: number) => FakeAnswer,
  extra?: Partial<CliContext>,
) => {
  const h = harness(answer, extra);
  const code = await cmd.run(h.ctx, args);
  return { code, out: h.out(), err: h.err(), opened: h.opened(), sent: h.fake.sent };
};

const UID = "Given User ID '%s' is either invalid or out of range.\nUser ID is limited to range <1..63>.\n";
const uidErr = (s: string) => UID.replace('%s', s);

const ARGUMENT_ERRORS: [CliCommand, readonly string[], string][] = [
  [userCommand, ['set', 'name', '99', 'x'], uidErr('99')],
  [userCommand, ['set', 'name', '0', 'x'], uidErr('0')],
  [userCommand, ['set', 'name', '3', 'seventeen-bytes!!'], 'Username is too long (> 16 bytes)\n'],
  [userCommand, ['set', 'password', '64', 'pw'], uidErr('64')],
  [userCommand, ['set', 'password', '3', 'x'.repeat(21)], 'Password is too long (> 20 bytes)\n'],
  [userCommand, ['set', 'password', '3', 'x'.repeat(17), '16'], 'Password is too long (> 16 bytes)\n'],
  [userCommand, ['set', 'password', '3', 'pw', '18'], "Invalid password length '18'\n"],
  [
    userCommand,
    ['test', '3', '18', 'pw'],
    "Given password length '18' is invalid.\nExpected value is either 16 or 20.\n",
  ],
  [userCommand, ['test', '3', '16', 'x'.repeat(17)], 'Password is too long (> 16 bytes)\n'],
  [
    userCommand,
    ['priv', '3', '9'],
    "Given Privilege Limit '9' is invalid.\nPrivilege Limit is limited to <0x1..0x5> and <0xF>.\n",
  ],
  [
    userCommand,
    ['priv', '3', 'admin'],
    "Given Privilege Limit 'admin' is invalid.\nPrivilege Limit is limited to <0x1..0x5> and <0xF>.\n",
  ],
  [
    userCommand,
    ['priv', '3', '4', '12'],
    "Given Channel number '12' is either invalid or out of range.\nChannel number must be from ranges: <0x0..0xB>, <0xE..0xF>\n",
  ],
  [userCommand, ['enable', 'x'], uidErr('x')],
  [
    channelCommand,
    ['authcap', '1', '6'],
    "Given Privilege Limit '6' is invalid.\nPrivilege Limit is limited to <0x1..0x5> and <0xF>.\n",
  ],
  [
    channelCommand,
    ['setaccess', '1', '3', 'privilege=superuser'],
    "Numeric [1-15] value expected, but 'superuser' given.\n",
  ],
  [channelCommand, ['setaccess', '1', '3', 'colour=blue'], 'Invalid option: colour=blue\n\n'],
  [lanCommand, ['set', '1', 'ipaddr', '192.0.2.300'], 'Invalid IP address: 192.0.2.300\n'],
  [lanCommand, ['set', '1', 'ipaddr', '1.2.3'], 'Invalid IP address: 1.2.3\n'],
  [
    lanCommand,
    ['set', '1', 'netmask', '255.0.255.0'],
    'Invalid netmask: 255.0.255.0 (the one bits must be contiguous)\n',
  ],
  [lanCommand, ['set', '1', 'defgw', 'ipaddr', '10.0.0'], 'Invalid IP address: 10.0.0\n'],
  [lanCommand, ['set', '1', 'macaddr', '02:00:00:00:00'], 'Invalid MAC address: 02:00:00:00:00\n'],
  [lanCommand, ['set', '1', 'vlan', 'id', '4095'], 'VLAN ID must be between 1 and 4094.\n'],
  [lanCommand, ['set', '1', 'vlan', 'priority', '8'], 'VLAN priority must be between 0 and 7.\n'],
  [lanCommand, ['set', '1', 'snmp', 'x'.repeat(19)], 'SNMP community string is 19 bytes, the limit is 18\n'],
  [
    solCommand,
    ['set', 'volatile-bit-rate', '7', '1'],
    'Invalid value "7" for parameter "volatile-bit-rate"\nValid values are serial, 9.6 19.2, 38.4, 57.6 and 115.2\n',
  ],
  [
    solCommand,
    ['set', 'non-volatile-bit-rate', '9600'],
    'Invalid value "9600" for parameter "non-volatile-bit-rate"\nValid values are serial, 9.6 19.2, 38.4, 57.6 and 115.2\n',
  ],
  [
    solCommand,
    ['set', 'privilege-level', 'root'],
    'Invalid value root for parameter privilege-level\nValid values are user, operator, admin, and oem\n',
  ],
  [
    solCommand,
    ['set', 'retry-count', '8'],
    'Invalid value 8 for parameter retry-count\nValid values are 0-7\n',
  ],
  [
    solCommand,
    ['set', 'enabled', 'yes'],
    'Invalid value yes for parameter enabled\nValid values are true and false\n',
  ],
  [solCommand, ['set', 'bogus', '1'], 'Error: invalid SOL parameter bogus\n'],
];

describe('argument errors: exit 1, ipmitool message, nothing sent', () => {
  it.each(ARGUMENT_ERRORS.map(([c, a, m]) => [`${c.name} ${a.join(' ')}`, c, a, m] as const))(
    '%s',
    async (_n, cmd, args, message) => {
      const r = await run(cmd, [...args]);
      expect(r.code).toBe(1);
      expect(r.err).toContain(message);
      expect(r.opened).toBe(0);
      expect(r.sent).toHaveLength(0);
    },
  );
});

/** ipmi_sim's user table of the lab: users 2-6 named, 63 IDs. */
function labUsers(req: IpmiRequest): FakeAnswer {
  const names = ['', '', 'admin', 'operator', 'user', 'disabled', 'long20'];
  const access = [0, 0, 0x14, 0x13, 0x12, 0x04, 0x14];
  const id = req.cmd === 0x44 ? req.data![1]! : req.data![0]!;
  if (req.cmd === 0x44) return { data: [0x3f, 0x04, 0x00, access[id] ?? 0] };
  if (req.cmd === 0x46) return { data: [...Buffer.from((names[id] ?? '').padEnd(16, '\0'))] };
  if (req.cmd === 0x42) return { data: [0x01, 0x04, 0x01, 0x81, 0xf2, 0x1b, 0x00, 0x00, 0x00] };
  if (req.cmd === 0x41) return { data: [0x02, 0x04] };
  return { cc: 0xc1 };
}

describe('reads render as ipmitool 1.8.19 renders them (LAB)', () => {
  it('user summary 1', async () => {
    const r = await run(userCommand, ['summary', '1'], labUsers);
    expect(r.out).toBe('Maximum IDs\t    : 63\nEnabled User Count  : 4\nFixed Name Count    : 0\n');
  });
  it('user list 1 (first rows and the last)', async () => {
    const r = await run(userCommand, ['list', '1'], labUsers);
    const lines = r.out.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'ID  Name\t     Callin  Link Auth\tIPMI Msg   Channel Priv Limit',
      '1                    true    false      false      Unknown (0x00)',
      '2   admin            true    false      true       ADMINISTRATOR',
      '3   operator         true    false      true       OPERATOR',
      '4   user             true    false      true       USER',
      '5   disabled         true    false      false      ADMINISTRATOR',
      '6   long20           true    false      true       ADMINISTRATOR',
    ]);
    expect(lines.at(-2)).toBe('63                   true    false      false      Unknown (0x00)');
    expect(lines).toHaveLength(1 + 63 + 1);
  });
  it('channel getaccess 1 2', async () => {
    const r = await run(channelCommand, ['getaccess', '1', '2'], labUsers);
    expect(r.out).toBe(
      'Maximum User IDs     : 63\nEnabled User IDs     : 4\n\nUser ID              : 2\nUser Name            : admin\nFixed Name           : No\n' +
        'Access Available     : call-in / callback\nLink Authentication  : disabled\nIPMI Messaging       : enabled\nPrivilege Level      : ADMINISTRATOR\nEnable Status        : unknown\n',
    );
  });
  it('channel info 1', async () => {
    const r = await run(channelCommand, ['info', '1'], labUsers);
    const access =
      '    Alerting            : enabled\n    Per-message Auth    : enabled\n    User Level Auth     : enabled\n    Access Mode         : always available\n';
    expect(r.out).toBe(
      'Channel 0x1 info:\n  Channel Medium Type   : 802.3 LAN\n  Channel Protocol Type : IPMB-1.0\n  Session Support       : multi-session\n' +
        '  Active Session Count  : 1\n  Protocol Vendor ID    : 7154\n  Volatile(active) Settings\n' +
        access +
        '  Non-Volatile Settings\n' +
        access,
    );
  });
  it('lan print 1', async () => {
    const r = await run(lanCommand, ['print', '1'], (req) =>
      req.netFn === 0x06 ? labUsers(req) : labLanAnswer(req),
    );
    expect(r.code).toBe(0);
    expect(r.out).toBe(`Set in Progress         : Set Complete
Auth Type Support       : NONE MD2 MD5 PASSWORD 
Auth Type Enable        : Callback : NONE MD2 MD5 PASSWORD 
                        : User     : NONE MD2 MD5 PASSWORD 
                        : Operator : NONE MD2 MD5 PASSWORD 
                        : Admin    : NONE MD2 MD5 PASSWORD 
                        : OEM      : 
IP Address Source       : Static Address
IP Address              : 192.0.2.10
Subnet Mask             : 255.255.255.0
MAC Address             : 02:00:00:00:00:01
SNMP Community String   : public
IP Header               : TTL=0x00 Flags=0x00 Precedence=0x00 TOS=0x00
Default Gateway IP      : 192.0.2.1
Default Gateway MAC     : 02:00:00:00:00:fe
Backup Gateway IP       : 0.0.0.0
Backup Gateway MAC      : 00:00:00:00:00:00
802.1q VLAN ID          : Disabled
802.1q VLAN Priority    : 0
RMCP+ Cipher Suites     : 1,2,3,4,5,6,7,8,9,10,11,12,13,14,15
Cipher Suite Priv Max   : aaaaaaaaaaaaaaa
                        :     X=Cipher Suite Unused
                        :     c=CALLBACK
                        :     u=USER
                        :     o=OPERATOR
                        :     a=ADMIN
                        :     O=OEM
Bad Password Threshold  : Not Available
`);
  });
  it('sol info 1: unsupported parameters print as zero, with the Info lines on stderr', async () => {
    const r = await run(solCommand, ['info', '1'], labSolAnswer);
    expect(r.out).toBe(`Set in progress                 : set-complete
Enabled                         : true
Force Encryption                : false
Force Authentication            : false
Privilege Level                 : Unknown (0x00)
Character Accumulate Level (ms) : 0
Character Send Threshold        : 0
Retry Count                     : 0
Retry Interval (ms)             : 0
Volatile Bit Rate (kbps)        : IPMI-Over-Serial-Setting
Non-Volatile Bit Rate (kbps)    : IPMI-Over-Serial-Setting
Payload Channel                 : 1 (0x01)
Payload Port                    : 46727
`);
    expect(r.err).toBe(`Info: SOL parameter 'Authentication (2)' not supported
Info: SOL parameter 'Character Interval (3)' not supported
Info: SOL parameter 'Retry (4)' not supported
Info: SOL parameter 'Payload Channel (7)' not supported - defaulting to 0x01
Info: SOL parameter 'Payload Port (8)' not supported - defaulting to 46727
`);
  });
});

describe('writes', () => {
  it("user priv sends Set User Access with the change bits clear and prints ipmitool's line", async () => {
    const r = await run(userCommand, ['priv', '7', '0x3', '1']);
    expect(r.sent).toEqual([{ netFn: 0x06, cmd: 0x43, data: [0x01, 0x07, 0x03] }]);
    expect(r.out).toBe('Set Privilege Level command successful (user 7)\n');
  });
  it("user test: wrong password is exit 1 with ipmitool's text", async () => {
    const r = await run(userCommand, ['test', '3', '16', 'guess'], () => ({ cc: 0x80 }));
    expect([r.code, r.out]).toEqual([1, 'Failure: password incorrect\n']);
  });
  it('user set password on argv warns; omitted, it comes from IPMI_NEW_PASSWORD without a warning', async () => {
    const argv = await run(userCommand, ['set', 'password', '7', 'pw-on-argv']);
    expect(argv.err).toContain('visible to other processes');
    const env = await run(userCommand, ['set', 'password', '7'], () => ({}), {
      env: { [NEW_PASSWORD_ENV]: 'x'.repeat(18) },
    });
    expect(env.err).toBe('');
    // 18 bytes: 20-byte storage chosen, as ipmitool does
    expect(env.sent[0]!.data.slice(0, 2)).toEqual([0x87, 0x02]);
    expect(env.sent[0]!.data).toHaveLength(22);
  });
  it('user set password from the prompt: asked twice, a mismatch sends nothing', async () => {
    const answers = ['first', 'second'];
    const r = await run(userCommand, ['set', 'password', '7'], () => ({}), {
      readSecret: async () => answers.shift(),
    });
    expect(r.code).toBe(1);
    expect(r.err).toBe('Passwords do not match or are longer than 20\n');
    expect(r.sent).toHaveLength(0);
  });
  it('channel setaccess link=off really clears the bit (ipmitool 1.8.19 would set it)', async () => {
    const r = await run(
      channelCommand,
      ['setaccess', '1', '7', 'link=off', 'ipmi=on', 'privilege=USER'],
      (req) => (req.cmd === 0x44 ? { data: [0x3f, 0x04, 0x00, 0x23] } : {}),
    );
    expect(r.sent.at(-1)).toEqual({ netFn: 0x06, cmd: 0x43, data: [0x91, 0x07, 0x02] });
    expect(r.out).toBe('Set User Access (channel 1 id 7) successful.\n');
  });
  it('lan set ipaddr announces, then writes inside the lock and reads back', async () => {
    const params: Record<number, number[]> = { 0: [0x00], 3: [192, 0, 2, 10] };
    const r = await run(lanCommand, ['set', '1', 'ipaddr', '192.0.2.77'], (req) => {
      if (req.netFn === 0x06) return labUsers(req);
      const [, p, ...d] = Array.from(req.data!);
      if (req.cmd === 0x01) params[p!] = d;
      return req.cmd === 0x02 ? { data: [0x11, ...(params[p!] ?? [])] } : {};
    });
    expect([r.code, r.out, r.err]).toEqual([0, 'Setting LAN IP Address to 192.0.2.77\n', '']);
    expect(params[3]).toEqual([192, 0, 2, 77]);
  });
  it('lan set bad_pass_thresh: event flag, threshold, intervals LS byte first', async () => {
    const params: Record<number, number[]> = {};
    const r = await run(lanCommand, ['set', '1', 'bad_pass_thresh', '3', '1', '300', '0x102'], (req) => {
      if (req.netFn === 0x06) return labUsers(req);
      const [, p, ...d] = Array.from(req.data!);
      if (req.cmd === 0x01) params[p!] = d;
      return req.cmd === 0x02 ? (params[p!] ? { data: [0x11, ...params[p!]!] } : { cc: 0x80 }) : {};
    });
    expect(r.code).toBe(0);
    expect(params[26]).toEqual([0x01, 0x03, 0x2c, 0x01, 0x02, 0x01]);
  });
  it('lan set bad_pass_thresh with an event flag of 2 is a usage error, nothing sent', async () => {
    const r = await run(lanCommand, ['set', '1', 'bad_pass_thresh', '3', '2', '300', '300']);
    expect([r.code, r.opened]).toEqual([1, 0]);
    expect(r.err).toContain('lan set <channel> bad_pass_thresh');
  });
  it.each([
    ['198.51.100.1', 'Warning: gateway 198.51.100.1 is outside the subnet 192.0.2.10/255.255.255.0\n'],
    ['192.0.2.254', ''],
  ])(
    'lan set defgw ipaddr %s: a gateway outside the subnet is a warning, and is still written',
    async (gw, warning) => {
      const params: Record<number, number[]> = {
        0: [0],
        3: [192, 0, 2, 10],
        6: [255, 255, 255, 0],
        12: [192, 0, 2, 1],
      };
      const r = await run(lanCommand, ['set', '1', 'defgw', 'ipaddr', gw], (req) => {
        if (req.netFn === 0x06) return labUsers(req);
        const [, p, ...d] = Array.from(req.data!);
        if (req.cmd === 0x01) params[p!] = d;
        return req.cmd === 0x02 ? { data: [0x11, ...(params[p!] ?? [])] } : {};
      });
      expect([r.code, r.err]).toEqual([0, warning]);
      expect(params[12]).toEqual(gw.split('.').map(Number));
    },
  );
  it('lan set on a parameter the BMC refuses exits 1 and says so', async () => {
    const r = await run(lanCommand, ['set', '1', 'arp', 'respond', 'on'], (req) =>
      req.netFn === 0x06 ? labUsers(req) : labLanAnswer(req),
    );
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
  });
});
