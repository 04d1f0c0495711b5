// ipmitool's options → session settings → ConnectOptions; passwords never come from argv without a warning.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliExit, connectOptions, parseArgs } from './options';
import { UsageError } from './context';

const env = { IPMI_PASSWORD: 'from-env' };

const options = (argv: string[], e: Record<string, string> = env) =>
  connectOptions(parseArgs(argv, e).settings);

describe('parseArgs', () => {
  it('maps the connection options and leaves the command', () => {
    const p = parseArgs(
      [
        '-I',
        'lan',
        '-H',
        'bmc1',
        '-p',
        '6230',
        '-U',
        'admin',
        '-L',
        'operator',
        '-A',
        'MD5',
        '-E',
        '-R',
        '2',
        '-N',
        '1.5',
        'power',
        'status',
      ],
      env,
    );
    expect(connectOptions(p.settings)).toMatchObject({
      host: 'bmc1',
      port: 6230,
      username: 'admin',
      password: 'from-env',
      interface: 'lan',
      privilege: 'operator',
      authType: 'md5',
      retries: 1,
      timeoutMs: 1500,
    });
    expect(p.command).toEqual(['power', 'status']);
    expect(p.warnings).toEqual([]);
  });

  it('defaults to lanplus, auto suite, administrator', () => {
    const p = parseArgs(['-H', '10.0.0.5', '-E', 'mc', 'info'], env);
    expect(connectOptions(p.settings)).toMatchObject({
      interface: 'lanplus',
      cipherSuite: 'auto',
      privilege: 'administrator',
      port: 623,
    });
    expect(connectOptions(p.settings).allowInsecure).toBeUndefined();
  });

  it('-P works but warns; -f reads the first line of a file', () => {
    const p = parseArgs(['-H', 'h', '-P', 'secret', 'raw', '6', '1'], {});
    expect(connectOptions(p.settings).password).toBe('secret');
    expect(p.warnings[0]).toMatch(/visible to other processes/);
    const dir = mkdtempSync(join(tmpdir(), 'bmcdesk-pw-'));
    writeFileSync(join(dir, 'pw'), 'filepw\nignored\n');
    expect(options(['-H', 'h', '-f', join(dir, 'pw'), 'mc', 'info'], {}).password).toBe('filepw');
  });

  it('takes IPv6 with a scope, bridging targets, and explicit insecure choices', () => {
    const p = parseArgs(['-H', 'fe80::1%eth0', '-E', '-t', '0x72', '-b', '0', '-C', '0', 'mc', 'info'], env);
    expect(connectOptions(p.settings)).toMatchObject({
      host: 'fe80::1%eth0',
      target: { address: 0x72, channel: 0 },
      cipherSuite: 0,
      allowInsecure: true,
    });
  });

  it.each([
    [['-E', 'mc', 'info'], 'No hostname specified!'],
    [['-H', 'h', 'mc', 'info'], /No password given/],
  ])('checks what a session needs only when one opens: %j', (argv, message) => {
    const p = parseArgs(argv, env);
    expect(() => connectOptions(p.settings)).toThrow(UsageError);
    expect(() => connectOptions(p.settings)).toThrow(message);
  });

  it.each([
    [['-H', 'h', '-E', '-U', 'a-user-name-longer-than-16', 'mc'], 'Username is too long (> 16 bytes)'],
    [['-H', 'h', '-E', '-I', 'serial', 'mc'], 'Invalid interface: serial (use lan or lanplus)'],
    [['-H', 'h', '-E', '-p', '70000', 'mc'], 'Port number 70000 is out of range.'],
    [['-H', 'h', '-E', '-p', 'x', 'mc'], "Invalid parameter given or out of range for '-p'."],
    [['-H', 'h', '-E', '-L', 'root', 'mc'], 'Invalid privilege level root'],
    [['-H', 'h', '-E', '-N', '0', 'mc'], "Invalid parameter given or out of range for '-N'."],
    [['-H', 'h', '-E', '-C', '256', 'mc'], "Invalid parameter given or out of range [0-255] for '-C'."],
    [['-H', 'h', '-E', '-m', '256', 'mc'], "Invalid parameter given or out of range for '-m'."],
    [['-H', 'h', '-E', '-m', 'x', 'mc'], "Invalid parameter given or out of range for '-m'."],
    [['-H', 'h', '-E', '-t', '0x300', 'mc'], "Invalid parameter given or out of range for '-t'."],
    [['-H', 'h', '-E', '-y', 'zz', 'mc'], 'Kg key is not hexadecimal number'],
    [['-H', 'h', '-E', '-y', '0xabc', 'mc'], 'Number of Kg key characters is not even'],
  ])("rejects %j with ipmitool's message", (argv, message) => {
    expect(() => parseArgs(argv, env)).toThrow(UsageError);
    expect(() => parseArgs(argv, env)).toThrow(message);
  });

  it('-y takes the Kg key as hex bytes', () => {
    expect(options(['-H', 'h', '-E', '-y', '0x0a0B', 'mc']).kg).toEqual(Buffer.from([0x0a, 0x0b]));
  });

  it('reads bundled flags letter by letter, as getopt does', () => {
    const p = parseArgs(['-vcE', '-vH', 'h', 'sel', 'list'], env);
    expect([p.verbose, p.csv, p.settings.password, p.settings.host]).toEqual([2, true, 'from-env', 'h']);
    expect(parseArgs(['-EvH10.0.0.5', 'mc'], env).settings.host).toBe('10.0.0.5');
  });

  it.each([
    [['-H', 'h', '-Q', 'mc'], "bmcdesk: invalid option -- 'Q'\n"],
    [['-H', 'h', '-vQ', 'mc'], "bmcdesk: invalid option -- 'Q'\n"],
    [['-H', 'h', '-m'], "bmcdesk: option requires an argument -- 'm'\n"],
  ])('an option getopt refuses prints its message and the usage, status 1: %j', (argv, first) => {
    const e = catchExit(() => parseArgs(argv, env));
    expect(e.code).toBe(1);
    expect(e.stdout).toBe('');
    expect(e.stderr.startsWith(first + 'bmcdesk version ')).toBe(true);
    expect(e.stderr).toContain('\nusage: bmcdesk [options...] <command>\n');
  });

  it('-S FILE names the SDR file (the last one wins, as in ipmitool) and -h advertises it', () => {
    expect(parseArgs(['-H', 'h', '-S', 'a.bin', '-Sb.bin', 'sdr', 'list'], env)).toMatchObject({
      sdrFile: 'b.bin',
      command: ['sdr', 'list'],
    });
    expect(parseArgs(['-H', 'h', 'sdr'], env).sdrFile).toBeUndefined();
    const h = catchExit(() => parseArgs(['-h'], {}));
    expect(h.stderr).toContain(
      '       -f file        Read remote session password from file\n       -S sdr         Use local file for remote SDR cache\n',
    );
  });

  it("--no-cache among the options is bmcdesk's (ipmitool refuses it): the run bypasses the SDR cache", () => {
    const p = parseArgs(['-H', 'h', '--no-cache', '-E', 'sdr', 'list', '--no-cache'], env);
    expect([p.noSdrCache, p.settings.password, p.command]).toEqual([
      true,
      'from-env',
      ['sdr', 'list', '--no-cache'],
    ]);
    expect(parseArgs(['-H', 'h', 'sdr', 'list'], env).noSdrCache).toBe(false);
    // only the whole word: a bundle of letters is still getopt's
    expect(catchExit(() => parseArgs(['--no-cach', 'sdr'], env)).stderr).toMatch(
      /^bmcdesk: invalid option -- '-'\n/,
    );
  });

  it('-h and -V end the run where getopt reads them; -o list prints the OEM types', () => {
    expect(catchExit(() => parseArgs(['-V', '-Q'], {}, { version: '9.9' }))).toMatchObject({
      stdout: 'bmcdesk version 9.9\n',
      stderr: '',
      code: 0,
    });
    expect(catchExit(() => parseArgs(['-Q', '-V'], {})).code).toBe(1);
    const h = catchExit(() => parseArgs(['-h'], {}, { version: '9.9', commands: ['power'] }));
    expect([h.code, h.stdout]).toEqual([0, '']);
    expect(h.stderr).toMatch(
      /^bmcdesk version 9\.9\n\nusage: bmcdesk \[options\.\.\.\] <command>\n\n {7}-h {13}This help\n/,
    );
    expect(h.stderr).toContain('\tlanplus       IPMI v2.0 RMCP+ LAN Interface [default]\n');
    // options bmcdesk refuses are not advertised
    expect(h.stderr).not.toContain(' -d N ');
    const o = catchExit(() => parseArgs(['-o', 'list', '-h'], {}));
    expect([o.code, o.stdout]).toEqual([0, '']);
    expect(o.stderr.split('\n').slice(0, 3)).toEqual([
      '',
      'OEM Support:',
      '\tsupermicro   Supermicro IPMIv1.5 BMC with OEM LAN authentication support',
    ]);
  });

  it('-a asks for the password unless a later -P/-E/-f gives one; -L LEVEL+ asks for name/privilege lookup', () => {
    expect(parseArgs(['-H', 'h', '-a', 'mc'], {}).askPassword).toBe(true);
    expect(parseArgs(['-H', 'h', '-a', '-E', 'mc'], env).askPassword).toBe(false);
    expect(parseArgs(['-H', 'h', '-E', '-a', 'mc'], env).askPassword).toBe(true);
    expect(options(['-H', 'h', '-E', '-L', 'OPERATOR+', 'mc'])).toMatchObject({
      privilege: 'operator',
      nameOnlyLookup: false,
    });
  });

  it('-m: a request is bridged only to a target that is not our own address', () => {
    expect(options(['-H', 'h', '-E', '-t', '0x72', 'mc']).target).toEqual({ address: 0x72, channel: 0 });
    expect(options(['-H', 'h', '-E', '-m', '0x72', '-t', '0x72', 'mc']).target).toBeUndefined();
    expect(options(['-H', 'h', '-E', '-m', '0x22', 'mc']).target).toBeUndefined();
    expect(parseArgs(['-H', 'h', '-E', '-m', '0x22', 'mc'], env).settings.localAddress).toBe(0x22);
  });

  it('-E without IPMI_PASSWORD warns as ipmitool does; the session then has no password', () => {
    const p = parseArgs(['-H', 'h', '-E', 'mc', 'info'], {});
    expect(p.warnings).toEqual(['Unable to read password from environment']);
    expect(() => connectOptions(p.settings)).toThrow(/No password given/);
  });
});

function catchExit(f: () => unknown): CliExit {
  try {
    f();
  } catch (e) {
    if (e instanceof CliExit) return e;
    throw e;
  }
  throw new Error('no CliExit');
}
