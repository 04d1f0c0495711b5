// Address checks for LAN configuration, done before anything is sent: a BMC given a bad address or a
// non-contiguous mask can drop off the network with no way back but the host's console.
import { argumentError } from '../../errors';

/** Strict dotted quad: four decimal numbers 0-255, no leading "+", no trailing junk. */
export function parseIpv4(text: string, what = 'IP address'): Uint8Array {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  const parts = m ? m.slice(1).map(Number) : [];
  if (!m || parts.some((n) => n > 255)) throw argumentError(`Invalid ${what}: ${text}`);
  return Uint8Array.from(parts);
}

export const formatIpv4 = (b: Uint8Array): string => `${b[0] ?? 0}.${b[1] ?? 0}.${b[2] ?? 0}.${b[3] ?? 0}`;

const toUint32 = (b: Uint8Array): number => ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0;

/** Prefix length of a contiguous mask, or undefined when the ones are not contiguous from the top. */
export function maskPrefixLength(mask: Uint8Array): number | undefined {
  const m = toUint32(mask);
  const inverted = ~m >>> 0;
  if ((inverted & (inverted + 1)) !== 0) return undefined; // host part must be 0...01...1
  let n = 0;
  for (let v = m; v & 0x80000000; v = (v << 1) >>> 0) n++;
  return n;
}

/** A netmask must be contiguous and not 0.0.0.0 (that would make every address "local"). */
export function parseNetmask(text: string): Uint8Array {
  const mask = parseIpv4(text);
  const prefix = maskPrefixLength(mask);
  if (prefix === undefined) throw argumentError(`Invalid netmask: ${text} (the one bits must be contiguous)`);
  if (prefix === 0) throw argumentError(`Invalid netmask: ${text}`);
  return mask;
}

export function sameSubnet(a: Uint8Array, b: Uint8Array, mask: Uint8Array): boolean {
  const m = toUint32(mask);
  return (toUint32(a) & m) >>> 0 === (toUint32(b) & m) >>> 0;
}

/** "xx:xx:xx:xx:xx:xx", one or two hex digits per byte (ipmitool accepts both). */
export function parseMac(text: string, what = 'MAC address'): Uint8Array {
  const parts = text.split(':');
  if (parts.length !== 6 || parts.some((p) => !/^[0-9a-fA-F]{1,2}$/.test(p)))
    throw argumentError(`Invalid ${what}: ${text}`);
  return Uint8Array.from(parts.map((p) => parseInt(p, 16)));
}

export const formatMac = (b: Uint8Array): string =>
  Array.from(b.subarray(0, 6), (x) => x.toString(16).padStart(2, '0')).join(':');
