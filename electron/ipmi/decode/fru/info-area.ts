// The three FRU info areas (FRU Information Storage Definition v1.0 §10-12) share one shape: version,
// length in 8-byte units, some fixed bytes, a fixed list of type/length fields, custom fields up to
// the 0xC1 marker, padding and a zero checksum. The per-area differences are data (INFO_AREA_LAYOUTS).
import { IpmiError } from '../../errors';
import { checksumOk } from '../../wire/checksum';
import { readField, type FruField } from './type-length';

export type InfoAreaKind = 'chassis' | 'board' | 'product';

export const INFO_AREA_LAYOUTS = {
  // chassis type (1 byte)
  chassis: { fixedBytes: 1, fields: ['partNumber', 'serialNumber'] },
  // language code (1) + manufacturing date/time (3, minutes since 1996-01-01 00:00 UTC)
  board: {
    fixedBytes: 4,
    fields: ['manufacturer', 'productName', 'serialNumber', 'partNumber', 'fruFileId'],
  },
  // language code (1)
  product: {
    fixedBytes: 1,
    fields: ['manufacturer', 'name', 'partNumber', 'version', 'serialNumber', 'assetTag', 'fruFileId'],
  },
} as const satisfies Record<InfoAreaKind, { fixedBytes: number; fields: readonly string[] }>;

export interface FruProblem {
  area: string;
  message: string;
}

export interface InfoArea {
  kind: InfoAreaKind;
  offset: number;
  /** declared length in bytes */
  length: number;
  version: number;
  /** the area's fixed bytes after version and length (chassis type; language + date; language) */
  fixed: Uint8Array;
  /** named fields in layout order; a field the area ends before is absent */
  fields: Partial<Record<string, FruField>>;
  custom: FruField[];
  checksumOk: boolean;
  /** true when the area's bytes end before its declared length */
  truncated: boolean;
}

/** Decodes an info area at `offset`; problems (bad checksum, truncation, malformed fields) are pushed
 *  to `problems` and whatever could be read is still returned. */
export function decodeInfoArea(
  data: Uint8Array,
  offset: number,
  kind: InfoAreaKind,
  problems: FruProblem[],
): InfoArea {
  const layout = INFO_AREA_LAYOUTS[kind];
  if (offset + 2 > data.length)
    throw new IpmiError('protocol', `FRU ${kind} area at offset ${offset} lies past the end of the data`);
  const version = data[offset]!;
  const length = data[offset + 1]! * 8;
  if (length === 0) throw new IpmiError('protocol', `FRU ${kind} area at offset ${offset} has zero length`);
  const declaredEnd = offset + length;
  const truncated = declaredEnd > data.length;
  const end = Math.min(declaredEnd, data.length);
  const area: InfoArea = {
    kind,
    offset,
    length,
    version,
    fixed: data.slice(offset + 2, Math.min(offset + 2 + layout.fixedBytes, end)),
    fields: {},
    custom: [],
    checksumOk: !truncated && checksumOk(data, offset, declaredEnd),
    truncated,
  };
  if (truncated)
    problems.push({ area: kind, message: `area truncated: ${end - offset} of ${length} bytes present` });
  else if (!area.checksumOk) problems.push({ area: kind, message: 'area checksum is wrong' });
  if ((version & 0x0f) !== 1)
    problems.push({ area: kind, message: `unknown area format version ${version}` });

  let at = offset + 2 + layout.fixedBytes;
  try {
    for (const name of layout.fields) {
      const r = readField(data, at, end);
      if (!r) return area;
      area.fields[name] = r.field;
      at = r.next;
    }
    for (;;) {
      const r = readField(data, at, end);
      if (!r) return area;
      area.custom.push(r.field);
      at = r.next;
    }
  } catch (e) {
    if (!(e instanceof IpmiError)) throw e;
    // A missing end marker in a truncated area is expected; anything else is worth reporting.
    if (!truncated) problems.push({ area: kind, message: e.message });
  }
  return area;
}

/** Board manufacturing date: 3 bytes LE, minutes since 1996-01-01 00:00 UTC; 0 = unspecified. */
export const FRU_EPOCH_SECONDS = 820_454_400;

export function boardMfgMinutes(board: InfoArea): number | undefined {
  const f = board.fixed;
  if (f.length < 4) return undefined;
  return f[1]! | (f[2]! << 8) | (f[3]! << 16);
}

export function boardMfgDate(board: InfoArea): Date | undefined {
  const minutes = boardMfgMinutes(board);
  if (minutes === undefined || minutes === 0) return undefined;
  return new Date((minutes * 60 + FRU_EPOCH_SECONDS) * 1000);
}
