// `-S FILE`: the SDR read from a local file (the format `sdr dump` writes) instead of the BMC, as
// ipmitool 1.8.19's ipmi_sdr_list_cache_fromfile reads it. The file is read once per run, when the
// session opens (ipmitool reads it right after logging in, whatever the command). Readings still come
// from the BMC; only the records (names, numbers, conversions) come from the file.
//
// Where ipmitool uses it: `sdr list|elist|type|entity|get`, `sensor get|thresh|reading`, the sensor
// names of `sel elist` / `sel get` (all through its SDR list). Where it does not: `sensor list`,
// `sdr dump`, `sdr info` and `fru print` walk the BMC's repository themselves.
//
// A damaged file is read as ipmitool reads it: the records before the damage are used, and one line says
// what was wrong, in ipmitool's words. A file that cannot be opened means the SDR comes from the BMC, after
// ipmitool's two lines. One difference: ipmitool opens a directory, reads nothing from it and goes on with
// an empty SDR without a word; bmcdesk says "Is a directory" and reads the BMC, as for a missing file.
import { lstatSync, readFileSync } from 'node:fs';
import { decodeOrRaw } from '../../ipmi/commands/storage/sdr-repository';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';

const HEADER = 5;

/** The record types ipmitool keeps from a file (full, compact, event-only, generic/FRU/MC locators,
 *  entity association); it drops every other record as it reads it. */
const KEPT_TYPES = new Set([0x01, 0x02, 0x03, 0x08, 0x10, 0x11, 0x12]);

/** The header versions ipmitool accepts (0x51 is IPMI 1.5/2.0; 0x01, 0x02 older ones). */
const VERSIONS = new Set([0x51, 0x01, 0x02]);

export interface ParsedSdrFile {
  /** every kept record, header included, as the BMC would return it */
  raw: Uint8Array[];
  /** what ipmitool prints when the file is damaged (reading stopped there); undefined when whole */
  damage?: string;
}

/** The records of an SDR dump, and where it is damaged: a pure function of the bytes, never throws. */
export function parseSdrFile(bytes: Uint8Array): ParsedSdrFile {
  const raw: Uint8Array[] = [];
  let at = 0;
  while (at < bytes.length) {
    const left = bytes.length - at;
    if (left < HEADER) return { raw, damage: `header read ${left} bytes, expected ${HEADER}` };
    const id = bytes[at]! | (bytes[at + 1]! << 8);
    const version = bytes[at + 2]!;
    const type = bytes[at + 3]!;
    const length = bytes[at + 4]!;
    // ipmitool skips a header announcing no body before it looks at the version
    if (length === 0) {
      at += HEADER;
      continue;
    }
    if (!VERSIONS.has(version))
      return { raw, damage: `invalid sdr header version ${version.toString(16).padStart(2, '0')}` };
    const body = Math.min(length, left - HEADER);
    if (body !== length) {
      const hex = id.toString(16).padStart(4, '0');
      return { raw, damage: `record ${hex} read ${body} bytes, expected ${length}` };
    }
    if (KEPT_TYPES.has(type)) raw.push(bytes.slice(at, at + HEADER + length));
    at += HEADER + length;
  }
  return { raw };
}

/** strerror(3) texts (glibc wording) for the errors reading a file can give. */
const STRERROR: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EIO: 'Input/output error',
};

export interface SdrFile {
  /** the file's records (decoded as records from the BMC are), or undefined: use the BMC */
  records?: SdrRecord[];
  /** ipmitool's lines for stderr, each ending in a newline */
  messages: string;
}

/** Reads `-S FILE` as ipmitool does (lib/helper.c ipmi_open_file_read, then the parse above). */
export function readSdrFile(file: string): SdrFile {
  const cannotOpen = (why: string): SdrFile => ({
    messages: `${why}\nUnable to open SDR cache ${file} for reading\n`,
  });
  let bytes: Uint8Array;
  try {
    lstatSync(file);
  } catch {
    return cannotOpen(`File ${file} does not exist`);
  }
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    const why = STRERROR[code] ?? (e instanceof Error ? e.message : String(e));
    return cannotOpen(`Unable to open file ${file}: ${why}`);
  }
  const parsed = parseSdrFile(bytes);
  return {
    // as records from the BMC: one no decoder accepts stays raw (the property test feeds random files)
    records: parsed.raw.map(decodeOrRaw),
    messages: parsed.damage === undefined ? '' : `${parsed.damage}\n`,
  };
}
