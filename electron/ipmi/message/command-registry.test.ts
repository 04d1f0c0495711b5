// The one command registry: known answers for names, privileges and command-specific completion codes
// (the texts commandName() and completionCodeText() derive from it), and every CommandSpec a command
// module exports is in it under the same NetFn/command, so no module invents a command the registry
// does not know.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, commandEntry } from './command-registry';
import { completionCodeText } from './completion-codes';
import { commandName } from '../client/command-names';
import { sourceFiles } from '../import-graph';

const here = dirname(fileURLToPath(import.meta.url));

describe('command registry', () => {
  it('holds each NetFn/command once, with even request NetFns and command-specific codes only in 0x80-0xBE', () => {
    const keys = COMMANDS.map((c) => (c.netFn << 8) | c.cmd);
    expect(new Set(keys).size).toBe(keys.length);
    for (const c of COMMANDS) {
      expect(c.netFn % 2, c.name).toBe(0);
      for (const code of Object.keys(c.codes ?? {}).map(Number)) {
        expect(code, `${c.name} 0x${code.toString(16)}`).toBeGreaterThanOrEqual(0x80);
        expect(code, `${c.name} 0x${code.toString(16)}`).toBeLessThanOrEqual(0xbe);
      }
    }
  });

  it.each([
    [0x00, 0x01, 'Get Chassis Status', 'user'],
    [0x00, 0x02, 'Chassis Control', 'operator'],
    [0x06, 0x02, 'Cold Reset', 'administrator'],
    [0x06, 0x38, 'Get Channel Authentication Capabilities', 'none'],
    [0x06, 0x3c, 'Close Session', 'callback'],
    [0x0a, 0x47, 'Clear SEL', 'operator'],
    [0x0c, 0x01, 'Set LAN Configuration Parameters', 'administrator'],
    [0x0c, 0x02, 'Get LAN Configuration Parameters', 'operator'],
  ] as const)('%#x/%#x is %s at %s', (netFn, cmd, name, privilege) => {
    expect(commandEntry(netFn, cmd)).toMatchObject({ name, privilege });
    expect(commandName(netFn, cmd)).toBe(name);
    // a response's NetFn (request + 1) finds the same command
    expect(commandName(netFn + 1, cmd)).toBe(name);
  });

  it('names an unknown command by its numbers', () => {
    expect(commandEntry(0x2e, 0x99)).toBeUndefined();
    expect(commandName(0x2e, 0x99)).toBe('NetFn 0x2e command 0x99');
  });

  it('command-specific completion codes win over the generic table, only for their command', () => {
    expect(completionCodeText(0x80, 0x0c, 0x02)).toBe('Parameter not supported');
    expect(completionCodeText(0x83, 0x0c, 0x01)).toBe('Attempt to read a write-only parameter');
    expect(completionCodeText(0x82, 0x0c, 0x21)).toBe('Attempt to write a read-only parameter');
    expect(completionCodeText(0x80, 0x06, 0x47)).toBe(
      'Password test failed: password size is correct but the password is wrong',
    );
    expect(completionCodeText(0x81, 0x0a, 0x46)).toBe('Cannot execute command, SEL erase in progress');
    expect(completionCodeText(0x83, 0x32, 0x76)).toBe('Attempt to access HTTP port 80');
    // the same code on a command without a meaning for it, or with no command given
    expect(completionCodeText(0x83, 0x0c, 0x02)).toBe('Command-specific error 0x83');
    expect(completionCodeText(0x80)).toBe('Command-specific error 0x80');
    expect(completionCodeText(0xc1, 0x0c, 0x02)).toBe('Invalid command');
    expect(completionCodeText(0xd4)).toBe('Insufficient privilege level');
  });

  it('knows every CommandSpec exported by electron/ipmi/commands, under the same name', async () => {
    const specs: { file: string; netFn: number; cmd: number; name: string }[] = [];
    for (const file of sourceFiles(join(here, '../commands'))) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const v of Object.values(mod)) {
        const s = v as { netFn?: unknown; cmd?: unknown; name?: unknown };
        if (v && typeof v === 'object' && typeof s.netFn === 'number' && typeof s.cmd === 'number')
          if (typeof s.name === 'string')
            specs.push({ file: relative(here, file), netFn: s.netFn, cmd: s.cmd, name: s.name });
      }
    }
    expect(specs.length).toBeGreaterThan(30);
    const mismatched = specs
      .filter((s) => commandEntry(s.netFn, s.cmd)?.name !== s.name)
      .map(
        (s) =>
          `${s.file}: ${s.name} (0x${s.netFn.toString(16)}/0x${s.cmd.toString(16)}) registry: ${commandEntry(s.netFn, s.cmd)?.name}`,
      );
    expect(mismatched).toEqual([]);
  });
});
