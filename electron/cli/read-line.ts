// Line input for the CLI. `shell` on a terminal gets a line editor with history and ipmitool's prompt.
// From a pipe, each line is read as it comes, and the prompt and the line are echoed to the output, as
// ipmitool's readline does when its input is not a terminal, so a piped `shell` prints what ipmitool
// prints. A piped password (-a) and piped shell lines come from one reader, so the password is the
// first line and the commands follow it.
import { createInterface, type Interface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';

export interface LineInput {
  input: Readable & { isTTY?: boolean };
  output: Writable;
}

/** Lines of a stream, one at a time, in order; undefined once it has ended. */
export class LineQueue {
  private readonly queued: string[] = [];
  private readonly waiting: ((line: string | undefined) => void)[] = [];
  private ended = false;
  readonly rl: Interface;

  constructor(input: Readable, terminalOutput?: Writable) {
    this.rl = createInterface({ input, ...(terminalOutput && { output: terminalOutput, terminal: true }) });
    this.rl.on('line', (line) => {
      const w = this.waiting.shift();
      if (w) w(line);
      else this.queued.push(line);
    });
    this.rl.on('close', () => {
      this.ended = true;
      for (const w of this.waiting.splice(0)) w(undefined);
    });
  }

  next(): Promise<string | undefined> {
    if (this.queued.length > 0) return Promise.resolve(this.queued.shift());
    if (this.ended) return Promise.resolve(undefined);
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  close(): void {
    this.rl.close();
  }
}

const piped = new WeakMap<Readable, LineQueue>();

/** The one line queue over a piped (non-terminal) input. */
export function pipedLines(input: Readable): LineQueue {
  let q = piped.get(input);
  if (!q) {
    q = new LineQueue(input);
    piped.set(input, q);
  }
  return q;
}

/** Stops reading a piped input once the run is over, so a pipe left open cannot keep the process alive. */
export function closePipedLines(input: Readable): void {
  piped.get(input)?.close();
}

export function lineReader(io: LineInput): (prompt: string) => Promise<string | undefined> {
  const tty = io.input.isTTY === true;
  let lines: LineQueue | undefined;
  return async (prompt) => {
    lines ??= tty ? new LineQueue(io.input, io.output) : pipedLines(io.input);
    if (tty) {
      lines.rl.setPrompt(prompt);
      lines.rl.prompt();
    } else io.output.write(prompt);
    const line = await lines.next();
    if (line === undefined) lines.close();
    else if (!tty) io.output.write(echoed(line) + '\n');
    return line;
  };
}

/** The echo of a piped line. ipmitool echoes `set password <secret>` as typed; we hide the value, since a
 *  piped shell's output is often kept in a log (the one place our echo differs from ipmitool's). */
export function echoed(line: string): string {
  return line.replace(/^(\s*set[ \t]+password[ \t]+)\S.*$/, (_, head: string) => head + '********');
}
