// A whole FRU inventory image: the common header and every area it points to. Damage in one area
// (bad checksum, truncation) is reported in `problems` and the other areas are still decoded.
import { IpmiError } from '../../errors';
import { decodeCommonHeader, FRU_HEADER_SIZE, type FruCommonHeader } from './common-header';
import { decodeInfoArea, type FruProblem, type InfoArea, type InfoAreaKind } from './info-area';
import { decodeMultiRecords, type MultiRecord } from './multi-record';

export interface FruInventoryData {
  header: FruCommonHeader;
  /** internal-use area bytes (format version byte included); its length is implied by the next area */
  internalUse?: Uint8Array;
  chassis?: InfoArea;
  board?: InfoArea;
  product?: InfoArea;
  multiRecords?: MultiRecord[];
  problems: FruProblem[];
}

export function decodeFruInventory(data: Uint8Array): FruInventoryData {
  const header = decodeCommonHeader(data);
  const problems: FruProblem[] = [];
  if (!header.checksumOk) problems.push({ area: 'header', message: 'common header checksum is wrong' });
  const fru: FruInventoryData = { header, problems };
  for (const kind of ['chassis', 'board', 'product'] as const satisfies InfoAreaKind[]) {
    const offset = header[kind];
    if (offset === undefined) continue;
    try {
      fru[kind] = decodeInfoArea(data, offset, kind, problems);
    } catch (e) {
      if (!(e instanceof IpmiError)) throw e;
      problems.push({ area: kind, message: e.message });
    }
  }
  if (header.multiRecord !== undefined)
    fru.multiRecords = decodeMultiRecords(data, header.multiRecord, problems);
  if (header.internalUse !== undefined) {
    const later = [header.chassis, header.board, header.product, header.multiRecord].filter(
      (o): o is number => o !== undefined && o > header.internalUse!,
    );
    fru.internalUse = data.slice(header.internalUse, Math.min(data.length, ...later));
  }
  return fru;
}

/** How many leading bytes of the image are needed to decode everything `known` (the first bytes read
 *  so far) points to. Grows as more is read (area lengths and record chains are only known once
 *  their headers are in); the image is complete when the result is <= known.length. */
export function fruImageExtent(known: Uint8Array, size: number): number {
  if (known.length < FRU_HEADER_SIZE) return Math.min(size, FRU_HEADER_SIZE);
  let extent = FRU_HEADER_SIZE;
  const grow = (n: number) => (extent = Math.max(extent, Math.min(n, size)));
  const offsets = [1, 2, 3, 4, 5].map((i) => known[i]! * 8).filter((o) => o !== 0);
  for (const i of [2, 3, 4]) {
    const off = known[i]! * 8;
    if (off === 0) continue;
    if (off + 2 > known.length) grow(off + 2);
    else grow(off + known[off + 1]! * 8);
  }
  // Internal use runs to the next area (or, if last, to the end of the device).
  const internal = known[1]! * 8;
  if (internal !== 0) grow(Math.min(size, ...offsets.filter((o) => o > internal)));
  let at = known[5]! * 8;
  if (at !== 0) {
    for (let guard = 0; guard < 4096; guard++) {
      if (at + 5 > known.length) {
        grow(at + 5);
        break;
      }
      const end = at + 5 + known[at + 2]!;
      grow(end);
      if (known[at + 1]! & 0x80 || end > known.length) break;
      at = end;
    }
  }
  return extent;
}
