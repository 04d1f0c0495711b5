// Reads a secret for the CLI without putting it on argv: from the terminal with echo off, or the first
// line of piped stdin.
import { stdin, stderr } from 'node:process';

export async function readSecret(prompt: string): Promise<string | undefined> {
  if (!stdin.isTTY) {
    let text = '';
    for await (const chunk of stdin) {
      text += String(chunk);
      if (text.includes('\n')) break;
    }
    const line = text.split(/\r?\n/)[0];
    return line === undefined || (line === '' && text === '') ? undefined : line;
  }
  stderr.write(prompt);
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
