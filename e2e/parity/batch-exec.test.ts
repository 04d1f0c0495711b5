// Parity: `exec FILE`, `shell` on piped input, `help`, `-h`, `-V`, `-o` — ipmitool 1.8.19 and bmcdesk on
// the same lab BMC, byte for byte. exec runs through a counting proxy (e2e/lab/impairment-proxy.ts) that
// sees every datagram: a 50-line file must cost bmcdesk one RMCP+ login.
//
// Documented differences, each normalised below and nowhere else:
//  - the command list (`help`, "Invalid command") names only the commands bmcdesk has, with ipmitool's
//    lines for them, and bmcdesk's own line for `firewall` (ipmitool's is a different command);
//  - -h lists only the options and interfaces bmcdesk accepts (lanplus is its default), and
//    -V / the usage name the program and version: "bmcdesk version 0.1.0" for "ipmitool version 1.8.19".
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/run';
import { commands } from '../../electron/cli/commands/index';
import { commandListText } from '../../electron/cli/help-text';
import { lineReader } from '../../electron/cli/read-line';
import { LAB_USERS, ipmitool, type ToolResult } from '../lab/bmc-lab';
import { run } from '../lab/ipmi-tools';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';
import { sharedLabBmc } from '../lab/shared-lab';
import { runBmcdesk } from './run-bmcdesk';

const bmc = sharedLabBmc();
const OUR_COMMANDS = [...commands.map((c) => c.name), 'shell', 'exec', 'set'];

/** ipmitool's command list as bmcdesk prints it: only bmcdesk's commands (see the header). */
function ourCommandList(ipmitoolText: string): string {
  return ipmitoolText.replace(/Commands:\n(\t.*\n)+\n/g, (block) => {
    // every line bmcdesk keeps must be ipmitool's own line, except firewall's
    const theirs = new Map(
      block
        .split('\n')
        .filter((l) => l.startsWith('\t'))
        .map((l) => [l.trim().split(/\s+/)[0]!, l + '\n'] as const),
    );
    const ours = commandListText(OUR_COMMANDS);
    for (const line of ours.split('\n').filter((l) => l.startsWith('\t'))) {
      const name = line.trim().split(/\s+/)[0]!;
      if (name !== 'firewall') expect(line + '\n').toBe(theirs.get(name));
    }
    return ours;
  });
}

/** IPMI_PASSWORD, never argv: the lab runner's options, lanplus suite 3, admin. */
function ipmitoolArgs(port: number): string[] {
  return [
    '-I',
    'lanplus',
    '-C',
    '3',
    '-H',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'admin',
    '-L',
    'ADMINISTRATOR',
    '-E',
  ];
}
const ENV = { ...process.env, IPMI_PASSWORD: LAB_USERS.admin.password, TZ: 'UTC' };

/** 50 lines: reads, comments, blank lines, quoting, `set` that changes nothing, an unknown command. */
const EXEC_FILE = [
  '# a batch written for ipmitool: every line runs over one session',
  'power status',
  'chassis status',
  '',
  'mc info',
  'mc guid   # a comment after a command',
  '   raw 0x06 0x01   ',
  'chassis poh',
  'chassis restart_cause',
  'chassis policy list',
  'mc getenables',
  'mc selftest',
  'chassis bootparam get 5',
  'raw 0x06 0x55',
  'echo "quoted  text" \'single  quoted\' plain x"y z"',
  'echo',
  'set verbose 0',
  'set csv 0',
  'set hostname 127.0.0.1',
  'set privlvl administrator',
  'set localaddr 0x20',
  'set targetaddr 0x20',
  'set',
  'set privlvl root',
  'set port 0x10000',
  'set bogus value',
  'no-such-command arg',
  'help',
  'exec',
  '"" empty first argument',
  'power status',
  '#',
  '   # indented comment',
  'mc guid',
  'raw 0x06 0x01',
  'chassis status',
  'power\tstatus',
  'chassis poh',
  'mc info',
  'chassis restart_cause',
  'mc getenables',
  'mc selftest',
  'raw 0x06 0x04',
  'chassis policy list',
  'echo done with the second half',
  'power status',
  'chassis status',
  'mc info',
  'raw 0x06 0x01',
  'echo last line without a newline',
].join('\n');

describe('exec FILE', () => {
  let dir = '';
  let proxy: ImpairmentProxy;
  /** Open Session Responses the proxy saw from the BMC: one per RMCP+ login */
  let openSessionResponses = 0;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bmcdesk-exec-'));
    proxy = await startImpairmentProxy(
      { host: '127.0.0.1', port: bmc.port },
      {
        drop: 0,
        reorder: 0,
        dropFromBmc: (d) => {
          // RMCP (4 bytes), then auth type 06h (RMCP+) and the payload type: 11h Open Session Response
          if (d.length > 5 && d[4] === 0x06 && (d[5]! & 0x3f) === 0x11) openSessionResponses++;
          return false;
        },
      },
    );
  });
  afterAll(async () => {
    proxy?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('a 50-line file prints what ipmitool prints and costs one login', async () => {
    expect(EXEC_FILE.split('\n')).toHaveLength(50);
    const file = join(dir, 'batch.txt');
    await writeFile(file, EXEC_FILE);

    const counts = () => ({ toBmc: proxy.stats.toBmc, logins: openSessionResponses });
    const c0 = counts();
    const theirs = await run('ipmitool', [...ipmitoolArgs(proxy.port), 'exec', file], ENV, 60_000);
    const c1 = counts();
    const ours = await runBmcdesk(proxy.port, ['exec', file], { env: { TZ: 'UTC' } });
    const c2 = counts();

    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(ourCommandList(theirs.stderr));
    expect(ours.code).toBe(theirs.code);
    expect(theirs.code).toBe(1); // the unknown command, `set` usage and `exec` usage lines failed
    expect(ours.stdout).toContain('quoted  text single  quoted plain x"y~z" \n');

    const theirLogins = c1.logins - c0.logins;
    const ourLogins = c2.logins - c1.logins;
    const ourDatagrams = c2.toBmc - c1.toBmc;
    const theirDatagrams = c1.toBmc - c0.toBmc;
    expect(theirLogins).toBe(1);
    expect(ourLogins).toBe(1);
    // one login (Open Session, RAKP 1, RAKP 3), one request per BMC read in the file, Close Session;
    // ipmitool adds its Get Channel Authentication Capabilities and PICMG/VITA discovery
    expect(ourDatagrams).toBeLessThanOrEqual(theirDatagrams);
    console.info(
      `exec of 50 lines: bmcdesk ${ourDatagrams} datagrams to the BMC, ipmitool ${theirDatagrams}; one login each`,
    );
  });

  it('cuts lines into arguments as ipmitool does (echo shows them): quotes, tabs, CRLF, #, NUL, long lines', async () => {
    const lines = [
      'echo a "b  c" \'d e\' x"y z" "t\tab" "til~de" \'q"uote\' "end"after',
      'echo\ttab-joined   args\t',
      'echo crlf line\r',
      'echo "hash # inside quotes"',
      'echo before-nul\0after-nul',
      'echo ' + Array.from({ length: 70 }, (_, i) => `a${i}`).join(' '),
      'echo ' + 'x'.repeat(2100) + ' tail-of-a-long-line',
      'echo "unterminated  quote  ',
      'echo ünïcödé "日本 語"',
    ];
    const file = join(dir, 'tokens.txt');
    await writeFile(file, lines.join('\n') + '\n');
    const [theirs, ours] = await Promise.all([
      run('ipmitool', [...ipmitoolArgs(bmc.port), 'exec', file], ENV, 30_000),
      runBmcdesk(bmc.port, ['exec', file]),
    ]);
    expect(ours.stdout).toBe(theirs.stdout);
    expect(ours.stderr).toBe(ourCommandList(theirs.stderr));
    expect(ours.code).toBe(theirs.code);
  });

  it('set csv, targetaddr and localaddr change the following lines as in ipmitool, over the same login', async () => {
    // the lab's satellite controller answers at IPMB 0x72 (e2e/lab/lab-satellite.emu)
    const file = join(dir, 'addresses.txt');
    await writeFile(
      file,
      [
        'mc info',
        'set targetaddr 0x72',
        'mc info',
        'raw 0x06 0x01',
        'set localaddr 0x72',
        'mc info',
        'set localaddr 0x20',
        'set targetaddr 0x20',
        'mc info',
        'set csv 1',
        'sdr list generic',
        'set csv 0',
        'sdr list generic',
      ].join('\n'),
    );
    const env = { BMCDESK_SDR_CACHE_DIR: join(dir, 'sdr-cache') };
    const l0 = openSessionResponses;
    const ours = await runBmcdesk(proxy.port, ['exec', file], { env });
    expect(openSessionResponses - l0).toBe(1);
    const theirs = await run('ipmitool', [...ipmitoolArgs(bmc.port), 'exec', file], ENV, 60_000);
    expect(ours).toEqual(theirs);
    expect(ours.stdout).toContain('Device ID                 : 114\n');
  });

  it.each([
    [['-t', '0x72', 'mc', 'info']],
    [['-m', '0x72', '-t', '0x72', 'mc', 'info']],
    [['-m', '0x72', 'mc', 'info']],
    [['-m', '0x22', '-t', '0x72', 'raw', '0x06', '0x01']],
  ])('-m: %j bridges only to a target other than our own address, as ipmitool', async (args) => {
    const [theirs, ours] = await Promise.all([ipmitool(bmc, args), runBmcdesk(bmc.port, args)]);
    expect(ours).toEqual(theirs);
    expect(ours.code).toBe(0);
  });

  it('a missing file, and `exec` without a file, fail as in ipmitool', async () => {
    for (const args of [['exec', join(dir, 'nope.txt')], ['exec']]) {
      const [theirs, ours] = await Promise.all([ipmitool(bmc, args), runBmcdesk(bmc.port, args)]);
      expect(ours).toEqual(theirs);
    }
  });

  it('`set` of a session value takes effect: the next command logs in again with it (ipmitool ignores it)', async () => {
    const op = LAB_USERS.operator;
    const file = join(dir, 'switch-user.txt');
    await writeFile(
      file,
      [
        'power status',
        'set username ' + op.name,
        'set password ' + op.password,
        'set privlvl OPERATOR',
        'power status',
        'mc guid',
        'set username ' + op.name,
      ].join('\n'),
    );
    const l0 = openSessionResponses;
    const ours = await runBmcdesk(proxy.port, ['exec', file]);
    expect(openSessionResponses - l0).toBe(2);
    expect(ours.code).toBe(0);
    expect(ours.stderr).toBe('');
    expect(ours.stdout).toMatch(
      /^Chassis Power is (on|off)\nSet session username to operator\nSet session password\nSet session privilege level to OPERATOR\nChassis Power is (on|off)\nSystem GUID/,
    );
  });

  it('exec with a wrong password stops at the first line that needs the BMC: one failed login, not one per line', async () => {
    const file = join(dir, 'three.txt');
    await writeFile(file, 'echo first\npower status\nmc info\nchassis status\n');
    const l0 = openSessionResponses;
    const ours = await runBmcdesk(proxy.port, ['exec', file], { password: 'wrong-password' });
    expect(openSessionResponses - l0).toBe(1);
    expect(ours.code).toBe(1);
    expect(ours.stdout).toBe('first \n');
    expect(ours.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('shell on piped input', () => {
  it('prints the prompt and each line as ipmitool readline does, and runs every line over one session', async () => {
    const input =
      'power status\nset privlvl user\n\n  mc   guid \nraw 0x06 0x01\nhelp\nno-such-command\nexit\n';
    const theirs = await run('ipmitool', [...ipmitoolArgs(bmc.port), 'shell'], ENV, 60_000, input);
    // bin/bmcdesk's shell input, over a pipe: the same reader, fed by a stream
    const stdin = new PassThrough();
    let stdout = '';
    const output = new PassThrough();
    output.on('data', (d: Buffer) => (stdout += d.toString()));
    stdin.end(input);
    let stderr = '';
    const code = await runCli([...ipmitoolArgs(bmc.port), 'shell'], {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: { IPMI_PASSWORD: LAB_USERS.admin.password },
      readLine: lineReader({ input: stdin, output }),
    });
    const ours: ToolResult = { stdout, stderr, code };
    expect(ours).toEqual({ ...theirs, stderr: ourCommandList(theirs.stderr) });
    expect(stdout).toContain('ipmitool> power status\nChassis Power is ');
  });
});

describe('help, -h, -V and -o without a host', () => {
  const noHost = (args: string[]) => run('ipmitool', args, { ...process.env }, 10_000);
  const ours = async (args: string[]): Promise<ToolResult> => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(args, {
      stdout: (t) => (stdout += t),
      stderr: (t) => (stderr += t),
      env: {},
      version: '0.1.0',
    });
    return { stdout, stderr, code };
  };

  it.each([[['help']], [['-I', 'lanplus', 'help']], [['-E', '-U', 'admin', 'help']]])('%j', async (args) => {
    const [theirs, got] = await Promise.all([noHost(args), ours(args)]);
    expect(got).toEqual({ ...theirs, stderr: ourCommandList(theirs.stderr) });
  });

  it('-V', async () => {
    const [theirs, got] = await Promise.all([noHost(['-V']), ours(['-V'])]);
    expect(got).toEqual({
      ...theirs,
      stdout: theirs.stdout.replace('ipmitool version 1.8.19', 'bmcdesk version 0.1.0'),
    });
  });

  it("-h: ipmitool's lines for the options and interfaces bmcdesk accepts, in its order, on stderr, status 0", async () => {
    const [theirs, got] = await Promise.all([noHost(['-h']), ours(['-h'])]);
    expect([got.code, got.stdout]).toEqual([theirs.code, theirs.stdout]);
    const theirLines = new Set(theirs.stderr.split('\n'));
    const [head, commandList] = got.stderr.split('Commands:\n');
    for (const line of head!.split('\n')) {
      if (line.includes('bmcdesk')) continue;
      if (line.includes('[default]') || line.startsWith('\tlan')) {
        // bmcdesk's default interface is lanplus; ipmitool's "open" is not available
        expect(line.replace(' [default]', ' ')).toBe(
          line.startsWith('\tlanplus') ? '\tlanplus       IPMI v2.0 RMCP+ LAN Interface ' : line,
        );
        expect(theirLines.has(line.replace(' [default]', ' '))).toBe(true);
        continue;
      }
      expect(theirLines.has(line)).toBe(true);
    }
    expect('Commands:\n' + commandList).toBe(
      ourCommandList(theirs.stderr.slice(theirs.stderr.indexOf('Commands:\n'))),
    );
    expect(got.stderr.startsWith('bmcdesk version 0.1.0\n\nusage: bmcdesk [options...] <command>\n\n')).toBe(
      true,
    );
  });

  it.each([
    [['-o', 'list']],
    [['-o', 'help']],
    [['-o', 'bogus', 'help']],
    [['-m', '0x22', 'help']],
    [['-m', '256', 'help']],
  ])('%j', async (args) => {
    const [theirs, got] = await Promise.all([noHost(args), ours(args)]);
    expect(got).toEqual({ ...theirs, stderr: ourCommandList(theirs.stderr) });
  });

  // intelplus and i82571spt change ipmitool's RAKP computation, so ipmitool cannot log in to a standard
  // BMC with them; bmcdesk accepts every type and speaks the standard protocol (see run.ts).
  it('-o TYPE: an unknown type fails as in ipmitool, a known one is accepted', async () => {
    const args = (oem: string) => ['-o', oem, 'power', 'status'];
    for (const oem of ['bogus', 'ibm']) {
      const [theirs, got] = await Promise.all([
        run('ipmitool', [...ipmitoolArgs(bmc.port), ...args(oem)], ENV, 30_000),
        runBmcdesk(bmc.port, args(oem)),
      ]);
      expect(got).toEqual(theirs);
    }
    for (const oem of ['supermicro', 'intelwv2', 'icts', 'kontron', 'quanta']) {
      const [theirs, got] = await Promise.all([
        run('ipmitool', [...ipmitoolArgs(bmc.port), ...args(oem)], ENV, 30_000),
        runBmcdesk(bmc.port, args(oem)),
      ]);
      expect(got).toEqual(theirs);
      expect(got.stdout).toMatch(/^Chassis Power is (on|off)\n$/);
    }
  });

  it('-a, or no password at all, asks "Password: " and logs in with the answer', async () => {
    const want = await ipmitool(bmc, ['power', 'status']);
    for (const ask of [['-a'], []]) {
      const prompts: string[] = [];
      let stdout = '';
      let stderr = '';
      const code = await runCli(
        [
          '-I',
          'lanplus',
          '-C',
          '3',
          '-H',
          '127.0.0.1',
          '-p',
          String(bmc.port),
          '-U',
          'admin',
          ...ask,
          'power',
          'status',
        ],
        {
          stdout: (t) => (stdout += t),
          stderr: (t) => (stderr += t),
          env: {},
          readSecret: async (p) => (prompts.push(p), LAB_USERS.admin.password),
        },
      );
      expect({ stdout, stderr, code }).toEqual(want);
      expect(prompts).toEqual(['Password: ']);
    }
  });

  it('`<command> help` needs no host and no login', async () => {
    const got = await ours(['chassis', 'help']);
    expect(got.stderr).toMatch(/^Chassis Commands:/);
    expect(got.stderr).not.toContain('hostname');
  });
});
