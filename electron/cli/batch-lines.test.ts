// Known answers for ipmitool's exec/shell line splitting; each expected list is what ipmitool 1.8.19
// printed for the same line through `echo` (see e2e/parity/batch-exec.test.ts, which compares live).
import { describe, expect, it } from 'vitest';
import { execFileCommands, execLineArgs, shellLine } from './batch-lines';

describe('exec lines', () => {
  it.each([
    ['power status\n', ['power', 'status']],
    ['   mc   guid   # trailing comment\n', ['mc', 'guid']],
    [
      `echo a "b  c" 'd e' x"y z" "t\ttab" "til~de" 'q"uote' "end"after\n`,
      ['echo', 'a', 'b  c', 'd e', 'x"y~z"', 't tab', 'til de', 'q"uote', 'end'],
    ],
    ['echo\ttab-joined   args\t\n', ['echo\ttab-joined', 'args']],
    ['echo crlf line\r\n', ['echo', 'crlf', 'line']],
    ['echo "hash # inside quotes"\n', ['echo', 'hash ']],
    ['echo before-nul\0after-nul\n', ['echo', 'before-nul']],
    ['echo "unterminated  quote  \n', ['echo', 'unterminated  quote   ']],
    ['"" empty\n', ['', 'empty']],
  ])('%j', (line, args) => {
    expect(execLineArgs(line)).toEqual(args);
  });

  it.each(['\n', '# only a comment\n', '   \t \r\n', '#'])('%j is no command', (line) => {
    expect(execLineArgs(line)).toBeUndefined();
  });

  it('keeps 64 arguments, splits lines longer than fgets reads, and reads UTF-8', () => {
    const many = 'echo ' + Array.from({ length: 70 }, (_, i) => `a${i}`).join(' ') + '\n';
    expect(execFileCommands(Buffer.from(many))[0]).toHaveLength(64);
    const long = 'echo ' + 'x'.repeat(2100) + ' tail\n';
    const pieces = execFileCommands(Buffer.from(long));
    expect(pieces).toHaveLength(2);
    expect(pieces[0]).toEqual(['echo', 'x'.repeat(2042)]);
    expect(pieces[1]).toEqual(['x'.repeat(58), 'tail']);
    expect(execFileCommands(Buffer.from('echo ünï "日本 語"'))).toEqual([['echo', 'ünï', '日本 語']]);
  });
});

describe('shell lines', () => {
  it.each([
    ['', { kind: 'skip' }],
    ['quit', { kind: 'quit' }],
    ['exit', { kind: 'quit' }],
    [' exit', { kind: 'run', args: ['exit'] }],
    ['help', { kind: 'help' }],
    ['?', { kind: 'help' }],
    ['  mc \tguid ', { kind: 'run', args: ['mc', 'guid'] }],
    [
      'echo "a  b" # no comments in shell',
      { kind: 'run', args: ['echo', 'a  b', '#', 'no', 'comments', 'in', 'shell'] },
    ],
    ['"" x', { kind: 'run', args: ['x'] }],
  ])('%j', (line, want) => {
    expect(shellLine(line)).toEqual(want);
  });
});
