// How ipmitool 1.8.19 cuts `exec FILE` lines and `shell` input into arguments (src/ipmishell.c), so a
// batch file written for ipmitool runs the same commands here:
//  - exec reads the file in fgets() pieces of at most 2047 bytes (a longer line becomes two commands),
//    drops everything from the first "#" (even inside quotes), trims leading/trailing white space and
//    splits on spaces only: a tab inside a line stays part of its argument;
//  - shell splits on spaces and tabs and has no comments;
//  - both keep "double" or 'single' quoted text (white space inside becomes spaces) as one argument.
//    A quote only counts at the start of an argument, and the argument ends at its closing quote: what
//    follows it is dropped; "~" inside a quoted argument also turns into a space (ipmitool hides the
//    spaces as "~" while it splits the line);
//  - at most 64 arguments per line; the rest are dropped.
// Where ipmitool reads past the end of the line (an unterminated quote) its result depends on stale
// buffer contents; here the quote runs to the end of the line, as ipmitool does when the buffer is clean.

const MAX_ARGS = 64;
/** fgets(buf, 2048, fp) reads at most this many bytes per call */
const FGETS_CHUNK = 2047;
/** C isspace() in the C and UTF-8 locales */
const SPACE = new Set([' ', '\t', '\n', '\v', '\f', '\r']);

/** The commands of an exec file, one argument list per command line; bytes are read as UTF-8. */
export function execFileCommands(file: Uint8Array): string[][] {
  const text = Buffer.from(file).toString('latin1');
  const commands: string[][] = [];
  for (let pos = 0; pos < text.length;) {
    const nl = text.indexOf('\n', pos);
    const end = Math.min(nl === -1 ? text.length : nl + 1, pos + FGETS_CHUNK);
    const args = execLineArgs(text.slice(pos, end));
    pos = end;
    if (args) commands.push(args.map(utf8));
  }
  return commands;
}

/** One fgets() piece of an exec file (latin1 text); undefined for a blank or comment-only line. */
export function execLineArgs(piece: string): string[] | undefined {
  // C strings end at the first NUL; the comment tail goes next
  let line = cutAt(cutAt(piece, '\0'), '#');
  const masked = maskQuoted(line);
  line = masked.text;
  if (!masked.unterminated) line = trimEnd(line);
  line = trimStart(line);
  if (line === '') return undefined;
  return line
    .split(' ')
    .filter((t) => t !== '')
    .slice(0, MAX_ARGS)
    .map(unquote);
}

export type ShellLine =
  { kind: 'skip' } | { kind: 'quit' } | { kind: 'help' } | { kind: 'run'; args: string[] };

/** One line typed at (or piped into) `shell`, as ipmitool's readline loop reads it. */
export function shellLine(line: string): ShellLine {
  if (line === '') return { kind: 'skip' };
  if (line === 'quit' || line === 'exit') return { kind: 'quit' };
  if (line === 'help' || line === '?') return { kind: 'help' };
  // ipmitool counts an argument that unquotes to "" but keeps no pointer for it (a bug that leaves a
  // hole in its argument list); empty arguments are dropped here.
  const args = maskQuoted(cutAt(line, '\0'))
    .text.split(/[ \t]/)
    .filter((t) => t !== '')
    .slice(0, MAX_ARGS)
    .map(unquote)
    .filter((t) => t !== '');
  return args.length === 0 ? { kind: 'skip' } : { kind: 'run', args };
}

/** Turns white space inside "..." and '...' into "~", so a split on spaces keeps quoted text whole. */
function maskQuoted(line: string): { text: string; unterminated: boolean } {
  const c = [...line];
  for (let i = 0; i < c.length; i++) {
    const q = c[i];
    if (q !== '"' && q !== "'") continue;
    for (i++; i < c.length && c[i] !== q; i++) if (SPACE.has(c[i]!)) c[i] = '~';
    if (i >= c.length) return { text: c.join(''), unterminated: true };
  }
  return { text: c.join(''), unterminated: false };
}

/** An argument that starts with a quote: up to its closing quote, with "~" back to spaces. */
function unquote(arg: string): string {
  const q = arg[0];
  if (q !== '"' && q !== "'") return arg;
  return cutAt(arg.slice(1), q).replaceAll('~', ' ');
}

function cutAt(s: string, ch: string): string {
  const i = s.indexOf(ch);
  return i === -1 ? s : s.slice(0, i);
}

function trimEnd(s: string): string {
  let n = s.length;
  while (n > 0 && SPACE.has(s[n - 1]!)) n--;
  return s.slice(0, n);
}

function trimStart(s: string): string {
  let i = 0;
  while (i < s.length && SPACE.has(s[i]!)) i++;
  return s.slice(i);
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
