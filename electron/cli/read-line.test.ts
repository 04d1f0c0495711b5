// Piped line input: the prompt and each line are echoed as ipmitool's readline does off a terminal, and
// a password read first (-a) and the shell's lines share one reader.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { echoed, lineReader, pipedLines } from './read-line';

describe('lineReader on a pipe', () => {
  it('echoes prompt and line, then the prompt alone at the end of input', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    input.end('power status\n\nlast without newline');
    const read = lineReader({ input, output });
    const got: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) got.push(await read('ipmitool> '));
    expect(got).toEqual(['power status', '', 'last without newline', undefined]);
    expect(shown).toBe('ipmitool> power status\nipmitool> \nipmitool> last without newline\nipmitool> ');
  });

  it('a line taken first (the -a password) is not seen again by the shell', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    output.resume();
    input.end('secret\nmc info\n');
    expect(await pipedLines(input).next()).toBe('secret');
    const read = lineReader({ input, output });
    expect(await read('> ')).toBe('mc info');
    expect(await read('> ')).toBeUndefined();
  });
});

describe('echoed', () => {
  it.each([
    ['set password hunter2', 'set password ********'],
    ['  set\tpassword "two words"', '  set\tpassword ********'],
    ['set password', 'set password'],
    ['set username admin', 'set username admin'],
    ['raw 0x06 0x01', 'raw 0x06 0x01'],
  ])('%j is echoed as %j', (line, shown) => expect(echoed(line)).toBe(shown));

  it('a piped shell never shows the password it was given', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let shown = '';
    output.on('data', (d: Buffer) => (shown += d.toString()));
    input.end('set password hunter2\n');
    const read = lineReader({ input, output });
    expect(await read('ipmitool> ')).toBe('set password hunter2');
    expect(shown).toBe('ipmitool> set password ********\n');
  });
});
