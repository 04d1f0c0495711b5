// runCli without a BMC: what needs no session never asks for one (help, usage, -o, set, echo, exec of
// comments), and the order of checks follows ipmitool's ipmi_main.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliIo } from './run';

async function cli(argv: string[], extra: Partial<CliIo> = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
    version: '1.2.3',
    ...extra,
  });
  return { stdout, stderr, code };
}

describe('runCli without a host', () => {
  it('help lists the commands on stderr, status 0; no command and an unknown one fail with the list', async () => {
    const help = await cli(['help']);
    expect(help).toMatchObject({ stdout: '', code: 0 });
    expect(help.stderr).toMatch(/^Commands:\n\traw {11}Send a RAW IPMI request and print response\n/);
    expect(help.stderr).toContain('\texec          Run list of commands from file\n');
    expect(help.stderr).not.toContain('\tbmc ');
    expect(help.stderr.endsWith('\n\n')).toBe(true);
    const none = await cli(['-H', 'h', '-E']);
    expect(none.code).toBe(1);
    expect(
      none.stderr.startsWith('Unable to read password from environment\nNo command provided!\nCommands:\n'),
    ).toBe(true);
    const bad = await cli(['frobnicate']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.startsWith('Invalid command: frobnicate\nCommands:\n')).toBe(true);
  });

  it('a command that needs the BMC says what is missing', async () => {
    expect(await cli(['power', 'status'])).toEqual({
      stdout: '',
      stderr: 'No hostname specified!\n',
      code: 1,
    });
    expect((await cli(['-H', 'h', 'power', 'status'])).stderr).toMatch(/^No password given/);
  });

  it('-V and -h', async () => {
    expect(await cli(['-V'])).toEqual({ stdout: 'bmcdesk version 1.2.3\n', stderr: '', code: 0 });
    const h = await cli(['-h']);
    expect(h.code).toBe(0);
    expect(h.stderr).toMatch(/^bmcdesk version 1\.2\.3\n\nusage: bmcdesk \[options\.\.\.\] <command>\n/);
  });

  it('-a prompts "Password: " before anything else, as ipmitool does', async () => {
    const prompts: string[] = [];
    const r = await cli(['-a', 'help'], { readSecret: async (p) => (prompts.push(p), 'pw') });
    expect(prompts).toEqual(['Password: ']);
    expect(r.code).toBe(0);
  });

  it('a host without a password prompts once, when a command first needs the BMC, as ipmitool does', async () => {
    const prompts: string[] = [];
    const readSecret = async (p: string) => (prompts.push(p), undefined);
    // help and <command> help need no BMC: no prompt
    await cli(['-H', 'h', 'help'], { readSecret });
    await cli(['-H', 'h', 'chassis', 'help'], { readSecret });
    expect(prompts).toEqual([]);
    // nothing typed (end of input): the run says what is missing rather than log in without a password
    const r = await cli(['-H', 'h', 'power', 'status'], { readSecret });
    expect(prompts).toEqual(['Password: ']);
    expect(r.stderr).toMatch(/^No password given/);
    expect(r.code).toBe(1);
  });

  it('-o: unknown types and ibm without its data file fail after `help` is checked', async () => {
    expect((await cli(['-o', 'bogus', 'help'])).code).toBe(0);
    expect(await cli(['-o', 'bogus', 'power', 'status'])).toEqual({
      stdout: '',
      stderr: 'OEM setup for "bogus" failed\n',
      code: 1,
    });
    expect((await cli(['-o', 'ibm', 'power', 'status'])).stderr).toBe(
      'Unable to read IPMI_OEM_IBM_DATAFILE from environment\nOEM setup for "ibm" failed\n',
    );
    expect((await cli(['-o', 'supermicro', 'power', 'status'])).stderr).toBe('No hostname specified!\n');
  });

  it('set prints what ipmitool prints and refuses what it refuses', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bmcdesk-set-'));
    const file = join(dir, 'f');
    writeFileSync(
      file,
      [
        'set hostname 10.0.0.9',
        'set username bob',
        'set password x',
        'set privlvl user',
        'set authtype md5',
        'set port 0x26f',
        'set localaddr 0x22',
        'set targetaddr 010',
        'set privlvl root',
        'set authtype oem',
        'set port 70000',
        'set localaddr 0x100',
        'set csv x',
        'set verbose',
        'echo  a   b ',
      ].join('\n'),
    );
    const r = await cli(['exec', file]);
    expect(r.stdout).toBe(
      'Set session hostname to 10.0.0.9\nSet session username to bob\nSet session password\n' +
        'Set session privilege level to USER\nSet session authtype to MD5\nSet session port to 623\n' +
        'Set local IPMB address to 0x22\nSet remote IPMB address to 0x08\na b \n',
    );
    expect(r.stderr).toBe(
      "Invalid privilege level: root\nInvalid authtype: oem\nGiven port '70000' is invalid.\n" +
        "Given localaddr '0x100' is invalid.\nGiven csv 'x' argument is invalid.\n",
    );
    expect(r.code).toBe(1);
  });

  it("shell reads until quit or the end of input; help lists the commands; the status is the last line's", async () => {
    const lines = ['', 'help', 'echo hi', 'frobnicate'];
    const r = await cli(['shell'], { readLine: async () => lines.shift() });
    expect(r.stdout).toBe('hi \n\n');
    expect(r.stderr).toMatch(/^Commands:\n[^]*\n\nInvalid command: frobnicate\nCommands:\n/);
    expect(r.code).toBe(1);
    const q = ['frobnicate', 'quit', 'echo never'];
    expect((await cli(['shell'], { readLine: async () => q.shift() })).code).toBe(0);
    expect(q).toEqual(['echo never']);
  });
});
