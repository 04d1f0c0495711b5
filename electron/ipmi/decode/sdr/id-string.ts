// SDR ID strings (IPMI v2.0 §43.15): type/length byte `[7:6]` type, `[4:0]` length. ipmitool prints
// the bytes as a C string, so a NUL ends the name; 6-bit packed ASCII and BCD plus are unpacked here
// (ipmitool prints their raw bytes, which no BMC seen in practice relies on).

const BCD_PLUS = '0123456789 -.:,_';

export function decodeIdString(typeLength: number, bytes: Uint8Array): string {
  const type = typeLength >> 6;
  if (type === 2) return unpackSixBit(bytes);
  if (type === 1) return Array.from(bytes, (b) => BCD_PLUS[b >> 4]! + BCD_PLUS[b & 0x0f]!).join('');
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

function unpackSixBit(bytes: Uint8Array): string {
  let out = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc |= b << bits;
    bits += 8;
    while (bits >= 6) {
      out += String.fromCharCode((acc & 0x3f) + 0x20);
      acc >>= 6;
      bits -= 6;
    }
  }
  return out;
}
