// `shell` input. On a terminal: a line editor with history and ipmitool's prompt. From a pipe: each
// line is read as it comes, and the prompt and the line are echoed to the output, as ipmitool's
// readline does when its input is not a terminal, so a piped `shell` prints what ipmitool prints.
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface LineInput {
  input: Readable & { isTTY?: boolean };
  output: Writable;
}

export function lineReader(io: LineInput): (prompt: string) => Promise<string | undefined> {
  const tty = io.input.isTTY === true;
  let rl: Interface | undefined;
  const queued: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  const open = (): Interface => {
    const r = createInterface({ input: io.input, ...(tty && { output: io.output, terminal: true }) });
    r.on('line', (line) => {
      const w = waiting.shift();
      if (w) w(line);
      else queued.push(line);
    });
    r.on('close', () => {
      ended = true;
      for (const w of waiting.splice(0)) w(undefined);
    });
    return r;
  };
  return async (prompt) => {
    rl ??= open();
    if (tty) {
      rl.setPrompt(prompt);
      rl.prompt();
    } else io.output.write(prompt);
    const line =
      queued.length > 0
        ? queued.shift()
        : ended
          ? undefined
          : await new Promise<string | undefined>((resolve) => waiting.push(resolve));
    if (line === undefined) rl.close();
    else if (!tty) io.output.write(line + '\n');
    return line;
  };
}
