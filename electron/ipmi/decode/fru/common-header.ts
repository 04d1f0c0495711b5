// FRU common header (FRU Information Storage Definition v1.0 §8): format version 1, then the offsets of
// the internal-use, chassis, board, product and multi-record areas in multiples of 8 bytes (0 = absent),
// a pad byte and a zero checksum over all 8 bytes.
import { IpmiError } from '../../errors';
import { checksumOk } from '../../wire/checksum';

export interface FruCommonHeader {
  version: number;
  /** byte offsets (already multiplied by 8); undefined = area absent */
  internalUse?: number;
  chassis?: number;
  board?: number;
  product?: number;
  multiRecord?: number;
  checksumOk: boolean;
}

export const FRU_HEADER_SIZE = 8;

const AREAS = ['internalUse', 'chassis', 'board', 'product', 'multiRecord'] as const;

export function decodeCommonHeader(data: Uint8Array): FruCommonHeader {
  if (data.length < FRU_HEADER_SIZE)
    throw new IpmiError('protocol', `FRU common header needs 8 bytes, got ${data.length}`);
  const version = data[0]! & 0x0f;
  if (version !== 1)
    throw new IpmiError('protocol', `Unknown FRU header version 0x${data[0]!.toString(16).padStart(2, '0')}`);
  const header: FruCommonHeader = { version, checksumOk: checksumOk(data, 0, FRU_HEADER_SIZE) };
  AREAS.forEach((name, i) => {
    const units = data[1 + i]!;
    if (units !== 0) header[name] = units * 8;
  });
  return header;
}
