// Reads a secret for the CLI without putting it on argv: from the terminal with echo off, or the first
// line of piped stdin.
// (ipmitool's getpass() reads the terminal, or stdin when there is none.)
import { stdin, stderr } from 'node:process';
import { pipedLines } from './read-line';

export async function readSecret(prompt: string): Promise<string | undefined> {
  stderr.write(prompt);
  // piped: the next line of stdin, from the same reader `shell` uses (read-line.ts); the prompt still
  // goes to stderr, as getpass() does without a terminal
  if (!stdin.isTTY) return pipedLines(stdin).next();
  stdin.setRawMode(true);
  stdin.resume();
  try {
    return await new Promise<string | undefined>((resolve) => {
      let value = '';
      const onData = (buf: Buffer) => {
        for (const ch of buf.toString('utf8')) {
          if (ch === '\r' || ch === '\n') {
            stdin.off('data', onData);
            stderr.write('\n');
            return resolve(value);
          }
          if (ch === '\u0003' || ch === '\u0004') {
            stdin.off('data', onData);
            stderr.write('\n');
            return resolve(undefined);
          }
          if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
          else value += ch;
        }
      };
      stdin.on('data', onData);
    });
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
  }
}
