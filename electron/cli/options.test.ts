// ipmitool's connection options → ConnectOptions; passwords never come from argv without a warning.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from './options';
import { UsageError } from './context';

const env = { IPMI_PASSWORD: 'from-env' };

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
    expect(p.options).toMatchObject({
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
    expect(p.options).toMatchObject({
      interface: 'lanplus',
      cipherSuite: 'auto',
      privilege: 'administrator',
      port: 623,
    });
    expect(p.options.allowInsecure).toBeUndefined();
  });

  it('-P works but warns; -f reads the first line of a file', () => {
    const p = parseArgs(['-H', 'h', '-P', 'secret', 'raw', '6', '1'], {});
    expect(p.options.password).toBe('secret');
    expect(p.warnings[0]).toMatch(/visible to other processes/);
    const dir = mkdtempSync(join(tmpdir(), 'bmcdesk-pw-'));
    writeFileSync(join(dir, 'pw'), 'filepw\nignored\n');
    expect(parseArgs(['-H', 'h', '-f', join(dir, 'pw'), 'mc', 'info'], {}).options.password).toBe('filepw');
  });

  it('takes IPv6 with a scope, bridging targets, and explicit insecure choices', () => {
    const p = parseArgs(['-H', 'fe80::1%eth0', '-E', '-t', '0x72', '-b', '0', '-C', '0', 'mc', 'info'], env);
    expect(p.options).toMatchObject({
      host: 'fe80::1%eth0',
      target: { address: 0x72, channel: 0 },
      cipherSuite: 0,
      allowInsecure: true,
    });
  });

  it.each([
    [['-E', 'mc', 'info'], /No hostname/],
    [['-H', 'h', 'mc', 'info'], /No password/],
    [['-H', 'h', '-E', '-U', 'a-user-name-longer-than-16', 'mc'], /16 bytes/],
    [['-H', 'h', '-E', '-I', 'serial', 'mc'], /Invalid interface/],
    [['-H', 'h', '-E', '-p', '70000', 'mc'], /out of range for '-p'/],
    [['-H', 'h', '-E', '-L', 'root', 'mc'], /Invalid privilege level/],
    [['-H', 'h', '-E', '-N', '0', 'mc'], /'-N'/],
    [['-H', 'h', '-E', '-y', 'zz', 'mc'], /Kg key/],
    [['-H', 'h', '-E', '-y', '0xabc', 'mc'], /Kg key/],
    [['-H', 'h', '-E', '-Q', 'mc'], /Invalid option/],
  ])('rejects %j', (argv, message) => {
    expect(() => parseArgs(argv, env)).toThrow(UsageError);
    expect(() => parseArgs(argv, env)).toThrow(message);
  });

  it('-y takes the Kg key as hex bytes', () => {
    expect(parseArgs(['-H', 'h', '-E', '-y', '0x0a0B', 'mc'], env).options.kg).toEqual(
      Buffer.from([0x0a, 0x0b]),
    );
  });

  it('reads bundled flags letter by letter, as getopt does', () => {
    const p = parseArgs(['-vcE', '-vH', 'h', 'sel', 'list'], env);
    expect([p.verbose, p.csv, p.options.password, p.options.host]).toEqual([2, true, 'from-env', 'h']);
    expect(parseArgs(['-EvH10.0.0.5', 'mc'], env).options.host).toBe('10.0.0.5');
    expect(() => parseArgs(['-H', 'h', '-E', '-vQ', 'mc'], env)).toThrow(/Invalid option: -Q/);
  });

  it('-E without IPMI_PASSWORD is an error, not an empty password', () => {
    expect(() => parseArgs(['-H', 'h', '-E', 'mc', 'info'], {})).toThrow(/environment/);
  });
});
