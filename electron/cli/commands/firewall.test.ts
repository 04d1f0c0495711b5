// `bmcdesk firewall` parsing and output, run against a fake Requester through a fake CliContext:
// which Set/Get bytes go out, what is printed, and that bad input never opens a session.
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../context';
import { UsageError } from '../context';
import { IpmiError } from '../../ipmi/errors';
import type { IpmiRequest, IpmiResponse, Requester } from '../../ipmi/client/requester';
import { firewallCommand, formatFirewall } from './firewall';

/** Replies to Get Firewall from `entries`/`blockAll`, 0 to Set; records request data as hex. */
class FakeBmc implements Requester {
  readonly host = '127.0.0.1';
  readonly localAddress = '127.0.0.1';
  sent: string[] = [];
  entries: number[][] = [];
  blockAll = 0;
  async raw(req: IpmiRequest): Promise<IpmiResponse> {
    const d = req.data ?? new Uint8Array();
    this.sent.push(`${req.cmd.toString(16)}:${Buffer.from(d).toString('hex')}`);
    const ok = (b: number[]) => ({ completionCode: 0, data: Buffer.from(b) });
    if (req.cmd === 0x76) return ok([]);
    if (d[0] === 0) return ok([this.entries.length]);
    if (d[0] === 2) return ok([this.blockAll]);
    return ok(this.entries[d[1]!] ?? []);
  }
  async request(req: IpmiRequest): Promise<Buffer> {
    return (await this.raw(req)).data;
  }
}

async function cli(args: string[], bmc = new FakeBmc()) {
  let out = '';
  let err = '';
  let opened = 0;
  const ctx: CliContext = {
    options: { host: '127.0.0.1', username: 'admin', password: '' },
    session: async () => {
      opened++;
      return bmc;
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  };
  let code: number | undefined;
  let error: unknown;
  try {
    code = await firewallCommand.run(ctx, args);
  } catch (e) {
    error = e;
  }
  return { code, out, err, error, opened, sent: bmc.sent };
}

describe('firewall CLI: changes', () => {
  const cases: Array<[string, string[], string, string]> = [
    // [name, argv, Set data sent (hex), stdout]
    ['allow ip', ['allow', 'ip', '10.0.0.5'], '76:00010a000005', 'Added ACCEPT ip 10.0.0.5\n'],
    [
      'allow range',
      ['allow', 'range', '10.0.0.1', '10.0.0.50'],
      '76:01010a0000010a000032',
      'Added ACCEPT range 10.0.0.1-10.0.0.50\n',
    ],
    [
      'allow port-range udp',
      ['allow', 'port-range', 'udp', '1000', '2000'],
      '76:030101e803d007',
      'Added ACCEPT port-range udp 1000-2000\n',
    ],
    [
      'remove allow ip',
      ['remove', 'allow', 'ip', '10.0.0.5'],
      '76:04010a000005',
      'Removed ACCEPT ip 10.0.0.5\n',
    ],
    [
      'remove deny port',
      ['remove', 'deny', 'port', 'tcp', '22'],
      '76:0600001600',
      'Removed DROP port tcp 22\n',
    ],
    ['undrop-all (default both)', ['undrop-all'], '76:0a0003', 'Drop-all removed for IPv4,IPv6\n'],
    ['undrop-all ipv4', ['undrop-all', 'ipv4'], '76:0a0001', 'Drop-all removed for IPv4\n'],
    ['flush', ['flush'], '76:0800', 'Firewall flushed: no rules, drop-all off\n'],
    [
      'timed allow ip',
      ['allow', 'ip', '10.0.0.5', '--from', '2025-03-01T08:00', '--until', '2025-03-01T18:30'],
      '76:0b010a000005e90703010800e9070301121e',
      'Added ACCEPT ip 10.0.0.5 (2025-03-01 08:00 - 2025-03-01 18:30)\n',
    ],
  ];
  it.each(cases)('%s', async (_n, argv, set, stdout) => {
    const r = await cli(argv);
    expect(r.error).toBeUndefined();
    expect(r.code).toBe(0);
    expect(r.sent.filter((s) => s.startsWith('76:'))).toEqual([set]);
    expect(r.out).toBe(stdout);
  });

  it('deny port tcp 22 reads the rules (lock-out check), then sends the Set', async () => {
    const r = await cli(['deny', 'port', 'tcp', '22']);
    expect(r.code).toBe(0);
    expect(r.sent.at(-1)).toBe('76:0200001600');
    expect(r.sent.slice(0, -1).every((s) => s.startsWith('77:'))).toBe(true);
  });

  it('drop-all without an ACCEPT rule for our address is refused; nothing is set', async () => {
    const r = await cli(['drop-all']);
    expect(r.error).toBeInstanceOf(IpmiError);
    expect((r.error as IpmiError).message).toContain('drop-all would cut off 127.0.0.1');
    expect(r.sent.filter((s) => s.startsWith('76:'))).toEqual([]);
  });

  it('drop-all --force sends it and warns', async () => {
    const r = await cli(['drop-all', '--force']);
    expect(r.code).toBe(0);
    expect(r.sent).toEqual(['76:090003']);
    expect(r.err).toContain('lock-out check is skipped');
  });

  it('drop-all ipv4 with an ACCEPT rule for 127.0.0.1 in place', async () => {
    const bmc = new FakeBmc();
    bmc.entries = [[0x00, 0x01, 127, 0, 0, 1]];
    const r = await cli(['drop-all', 'ipv4'], bmc);
    expect(r.code).toBe(0);
    expect(r.sent.at(-1)).toBe('76:090001');
    expect(r.out).toBe('Drop-all set for IPv4\n');
  });
});

describe('firewall CLI: bad input never opens a session', () => {
  const usage: Array<[string, string[], RegExp]> = [
    ['no verb', ['allow'], /unknown rule kind ""/],
    ['unknown kind', ['deny', 'mac', 'aa:bb'], /unknown rule kind "mac"/],
    ['missing address', ['allow', 'ip'], /missing IPv4 address/],
    ['non-numeric port', ['deny', 'port', 'tcp', 'ssh'], /port "ssh" is not a number/],
    ['extra word', ['allow', 'ip', '10.0.0.1', '10.0.0.2'], /unexpected "10.0.0.2"/],
    ['--from without --until', ['allow', 'ip', '10.0.0.1', '--from', '2025-01-01T00:00'], /go together/],
    ['bad time', ['allow', 'ip', '10.0.0.1', '--from', 'tomorrow', '--until', 'later'], /YYYY-MM-DDTHH:MM/],
    ['unknown option', ['flush', '--yes'], /unknown option --yes/],
    ['remove without allow/deny', ['remove', 'ip', '10.0.0.1'], /expected allow or deny/],
    ['drop-all family', ['drop-all', 'ipv5'], /expected ipv4, ipv6 or both/],
    ['unknown sub-command', ['open'], /unknown sub-command "open"/],
  ];
  it.each(usage)('usage error: %s', async (_n, argv, message) => {
    const r = await cli(argv);
    expect(r.error).toBeInstanceOf(UsageError);
    expect((r.error as Error).message).toMatch(message);
    expect(r.opened).toBe(0);
  });

  const argument: Array<[string, string[], RegExp]> = [
    ['bad IPv4', ['allow', 'ip', '10.0.0.256'], /not a dotted-quad/],
    ['range backwards', ['deny', 'range', '10.0.0.50', '10.0.0.1'], /after range end/],
    ['port 0', ['deny', 'port', 'tcp', '0'], /outside 1-65535/],
    ['port 65536', ['allow', 'port-range', 'udp', '1', '65536'], /outside 1-65535/],
    ['unknown protocol', ['deny', 'port', 'icmp', '7'], /unknown protocol "icmp"/],
    [
      'impossible date',
      ['allow', 'ip', '10.0.0.1', '--from', '2025-02-30T00:00', '--until', '2025-03-01T00:00'],
      /not a valid date/,
    ],
  ];
  it.each(argument)('argument error: %s', async (_n, argv, message) => {
    const r = await cli(argv);
    expect(r.error).toBeInstanceOf(IpmiError);
    expect((r.error as IpmiError).kind).toBe('argument');
    expect((r.error as Error).message).toMatch(message);
    expect(r.opened).toBe(0);
    expect(r.sent).toEqual([]);
  });
});

describe('firewall list', () => {
  it('prints a table of every rule kind and the drop-all state', async () => {
    const bmc = new FakeBmc();
    bmc.entries = [
      [0x00, 0x01, 127, 0, 0, 1], // ACCEPT ip 127.0.0.1
      [0x01, 0x00, 10, 0, 0, 1, 10, 0, 0, 50], // DROP range
      [0x02, 0x00, 0x00, 0x16, 0x00], // DROP tcp 22
      [0x03, 0x01, 0x01, 0xe8, 0x03, 0xd0, 0x07], // ACCEPT udp 1000-2000
      [0x0b, 0x01, 10, 0, 0, 5, 0xe9, 7, 3, 1, 8, 0, 0xe9, 7, 3, 1, 18, 30], // timed ACCEPT ip
      [29, 0x01, 0xfd, 0x00], // unknown TYPE
    ];
    bmc.blockAll = 1;
    const r = await cli(['list'], bmc);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      [
        '#  Type        State   Protocol  Address/Port        Window',
        '0  ip          ACCEPT  -         127.0.0.1           -',
        '1  range       DROP    -         10.0.0.1-10.0.0.50  -',
        '2  port        DROP    tcp       22                  -',
        '3  port-range  ACCEPT  udp       1000-2000           -',
        '4  ip          ACCEPT  -         10.0.0.5            2025-03-01 08:00 - 2025-03-01 18:30',
        '5  type 29     0x01    ?         raw fd00            -',
        'Drop-all: on',
        '',
      ].join('\n'),
    );
  });
  it('says so when there are no rules', () => {
    expect(
      formatFirewall({
        layout: 'known',
        layoutIds: ['ami-v1'],
        rules: [],
        blockAll: { active: false, raw: 0 },
      }),
    ).toBe('No firewall rules.\nDrop-all: off\n');
  });
  it('replies in no known layout: exit 0, the raw bytes per selector and why, nothing decoded', async () => {
    // a BMC that wraps every value in a tag-length record (the lab BMC's --layout opaque)
    class OpaqueBmc extends FakeBmc {
      override async raw(req: IpmiRequest): Promise<IpmiResponse> {
        const d = req.data ?? new Uint8Array();
        this.sent.push(`${req.cmd.toString(16)}:${Buffer.from(d).toString('hex')}`);
        const ok = (b: number[]) => ({ completionCode: 0, data: Buffer.from(b) });
        if (d[0] === 0) return ok([0xa0, 1, 1]);
        if (d[0] === 2) return ok([0xa2, 1, 0]);
        return d[1] === 0
          ? ok([0xa1, 6, 0x00, 0x01, 127, 0, 0, 1])
          : { completionCode: 0xc9, data: Buffer.alloc(0) };
      }
    }
    const r = await cli(['list'], new OpaqueBmc());
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toBe(
      [
        'Firewall layout unknown: the Get Firewall replies fit no known layout (rule count does not fit ' +
          'layout ami-v1: 3 bytes, expected 1; rule count does not fit layout ami-v2: 3 bytes, expected 2); ' +
          'the raw replies are shown undecoded.',
        'Get Firewall (NetFn 0x32 cmd 0x77) replies, not decoded:',
        'Selector      Request  CC  Reply',
        'count         00 00    00  a0 01 01',
        'entry 0       01 00    00  a1 06 00 01 7f 00 00 01',
        'entry 1       01 01    c9',
        'is-block-all  02 00    00  a2 01 00',
        '',
      ].join('\n'),
    );
  });
  it('help prints the usage', async () => {
    const r = await cli(['help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('firewall allow|deny port-range <tcp|udp|both> <start> <end>');
    expect(r.opened).toBe(0);
  });
});
