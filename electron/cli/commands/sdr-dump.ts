// `sdr dump FILE`: the SDR repository as raw records back to back (each 5-byte header, then its body),
// the format `ipmitool -S FILE` reads. The bytes are those the BMC returned (from our cache when it is
// valid for this BMC, which holds the same bytes), so the file equals ipmitool's dump of the same BMC.
import { closeSync, lstatSync, openSync, writeSync } from 'node:fs';
import type { CliContext } from '../context';
import { cliSdr } from './sdr-source';

/** strerror(3) texts for the errors opening a file for writing can give (glibc wording). */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  ENAMETOOLONG: 'File name too long',
  ELOOP: 'Too many levels of symbolic links',
  EEXIST: 'File exists',
};

function strerror(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return (code && STRERROR[code]) || (e instanceof Error ? e.message : String(e));
}

/**
 * ipmitool's ipmi_open_file(file, write): a new file is created; an existing one must be a regular file
 * (not a symbolic link, which lstat sees) with one link, so a dump cannot be redirected through a link
 * into another file. Returns the descriptor, or the message ipmitool prints.
 */
export function openForWrite(file: string): { fd: number } | { error: string } {
  let st;
  try {
    st = lstatSync(file);
  } catch {
    st = undefined;
  }
  if (st) {
    if (!st.isFile()) return { error: `File ${file} has invalid mode: ${st.mode}` };
    if (st.nlink !== 1) return { error: `File ${file} has invalid link count: ${st.nlink} != 1` };
  }
  try {
    return { fd: openSync(file, 'w', 0o666) };
  } catch (e) {
    return { error: `Unable to open file ${file} for write: ${strerror(e)}` };
  }
}

export async function sdrDump(ctx: CliContext, noCache: boolean, file: string | undefined): Promise<number> {
  if (file === undefined) {
    ctx.err('Not enough parameters given.\nusage: sdr dump <file>\n');
    return 1;
  }
  const r = await ctx.session();
  ctx.out(`Dumping Sensor Data Repository to '${file}'\n`);
  const { raw } = await cliSdr(ctx, r, noCache);
  // like ipmitool, the file is opened only after every record was read
  const opened = openForWrite(file);
  if ('error' in opened) {
    ctx.err(`${opened.error}\n`);
    return 1;
  }
  try {
    for (const rec of raw) writeSync(opened.fd, rec);
  } catch (e) {
    ctx.err(`Error writing to output file ${file}: ${strerror(e)}\n`);
    return 1;
  } finally {
    closeSync(opened.fd);
  }
  return 0;
}
