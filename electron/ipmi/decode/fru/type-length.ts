// FRU type/length fields (Platform Management FRU Information Storage Definition v1.0 §13): one byte,
// [7:6] encoding, [5:0] byte count, then the bytes. 0xC1 ends an area's field list.
import { IpmiError } from '../../errors';

export type FruFieldEncoding = 'binary' | 'bcd-plus' | 'ascii6' | 'latin1';

export interface FruField {
  encoding: FruFieldEncoding;
  /** the field's bytes exactly as stored (without the type/length byte) */
  bytes: Uint8Array;
  /** the decoded text; binary fields as lower-case hex, as both reference tools print them */
  text: string;
}

export const FRU_END_OF_FIELDS = 0xc1;

const ENCODINGS: readonly FruFieldEncoding[] = ['binary', 'bcd-plus', 'ascii6', 'latin1'];

// 0xA-0xC are the spec's space, dash and period; the spec reserves 0xD-0xF, and ipmitool prints them as
// ':' ',' '_' - we follow it so a vendor's odd serial number reads the same in both.
const BCD_PLUS = '0123456789 -.:,_';

export function decodeBcdPlus(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += BCD_PLUS[b >> 4]! + BCD_PLUS[b & 0x0f]!;
  return s;
}

/** 6-bit packed ASCII: 4 characters per 3 bytes, least significant bits first, char = value + 0x20.
 *  Only whole characters are returned (floor(bits / 6)). */
export function decodeAscii6(bytes: Uint8Array): string {
  let s = '';
  let acc = 0;
  let bits = 0;
  for (const b of bytes) {
    acc |= b << bits;
    bits += 8;
    while (bits >= 6) {
      s += String.fromCharCode((acc & 0x3f) + 0x20);
      acc >>>= 6;
      bits -= 6;
    }
  }
  return s;
}

export const decodeLatin1 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('latin1');

const toHex = (bytes: Uint8Array): string => Buffer.from(bytes).toString('hex');

export function decodeFieldText(encoding: FruFieldEncoding, bytes: Uint8Array): string {
  switch (encoding) {
    case 'binary':
      return toHex(bytes);
    case 'bcd-plus':
      return decodeBcdPlus(bytes);
    case 'ascii6':
      return decodeAscii6(bytes);
    case 'latin1':
      return decodeLatin1(bytes);
  }
}

/** Reads the field at `offset`; returns undefined at the end-of-fields marker. A field running past
 *  `end` is a protocol error (the area is truncated or its length byte is wrong). */
export function readField(
  data: Uint8Array,
  offset: number,
  end = data.length,
): { field: FruField; next: number } | undefined {
  if (offset >= end)
    throw new IpmiError('protocol', `FRU field at offset ${offset} lies past the end of its area`);
  const tl = data[offset]!;
  if (tl === FRU_END_OF_FIELDS) return undefined;
  const encoding = ENCODINGS[tl >> 6]!;
  const length = tl & 0x3f;
  const start = offset + 1;
  if (start + length > end)
    throw new IpmiError(
      'protocol',
      `FRU field at offset ${offset} (${length} bytes) runs past the end of its area`,
    );
  const bytes = data.slice(start, start + length);
  return { field: { encoding, bytes, text: decodeFieldText(encoding, bytes) }, next: start + length };
}

/** Encodes text as an 8-bit ASCII field (for writes and test fixtures). */
export function encodeLatin1Field(text: string): Uint8Array {
  const bytes = Buffer.from(text, 'latin1');
  if (bytes.length > 63) throw new IpmiError('argument', `FRU field "${text}" is longer than 63 bytes`);
  if (bytes.length === 1)
    throw new IpmiError('argument', 'a one-byte 8-bit ASCII FRU field would read as the end marker');
  return Uint8Array.from([0xc0 | bytes.length, ...bytes]);
}
