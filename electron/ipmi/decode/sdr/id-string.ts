// SDR ID strings (IPMI v2.0 §43.15): type/length byte `[7:6]` type, `[4:0]` length. ipmitool prints
// the bytes as a C string, so a NUL ends the name; 6-bit packed ASCII and BCD plus are unpacked here
// (ipmitool prints their raw bytes, which no BMC seen in practice relies on) with the FRU decoders of
// the same encodings (the SDR spec defines them by reference to the FRU spec's type/length byte).
import { decodeAscii6, decodeBcdPlus } from '../fru/type-length';

export function decodeIdString(typeLength: number, bytes: Uint8Array): string {
  const type = typeLength >> 6;
  if (type === 2) return decodeAscii6(bytes);
  if (type === 1) return decodeBcdPlus(bytes);
  let end = bytes.indexOf(0);
  if (end < 0) end = bytes.length;
  return Buffer.from(bytes.subarray(0, end)).toString('latin1');
}

/** The type/length byte at `at` and the ID string right after it (at most the 16 bytes a record holds). */
export function decodeRecordId(b: Uint8Array, at: number): { idTypeLength: number; id: string } {
  const idTypeLength = b[at]!;
  const start = at + 1;
  return {
    idTypeLength,
    id: decodeIdString(idTypeLength, b.subarray(start, start + Math.min(idTypeLength & 0x1f, 16))),
  };
}
