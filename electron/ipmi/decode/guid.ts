// A System GUID's 16 bytes in the byte orders BMCs use, and the one ipmitool's "auto" settles on: the
// spec sends the GUID least-significant byte first, but BMCs also use RFC 4122 (all fields big-endian)
// or SMBIOS order (time fields little-endian, the rest big-endian). "auto" tries RFC 4122, IPMI, SMBIOS
// in that order, keeps the last with a valid version nibble, and stops early at a time-based GUID whose
// timestamp lies between 1970 and this year. Shared by the mc.guid view and the CLI's `mc guid`.

export type GuidMode = 'rfc4122' | 'ipmi' | 'smbios' | 'auto' | 'dump';
const REAL_MODES = ['rfc4122', 'ipmi', 'smbios'] as const;
export type RealMode = (typeof REAL_MODES)[number];

export interface GuidFields {
  timeLow: number;
  timeMid: number;
  timeHi: number;
  clock: number;
  node: Buffer;
}

export function fieldsOf(g: Buffer, mode: RealMode): GuidFields {
  switch (mode) {
    case 'ipmi':
      return {
        timeLow: g.readUInt32LE(12),
        timeMid: g.readUInt16LE(10),
        timeHi: g.readUInt16LE(8),
        clock: g.readUInt16LE(6),
        node: Buffer.from(g.subarray(0, 6)).reverse(),
      };
    case 'rfc4122':
      return {
        timeLow: g.readUInt32BE(0),
        timeMid: g.readUInt16BE(4),
        timeHi: g.readUInt16BE(6),
        clock: g.readUInt16BE(8),
        node: Buffer.from(g.subarray(10, 16)),
      };
    case 'smbios':
      return {
        timeLow: g.readUInt32LE(0),
        timeMid: g.readUInt16LE(4),
        timeHi: g.readUInt16LE(6),
        clock: g.readUInt16BE(8),
        node: Buffer.from(g.subarray(10, 16)),
      };
  }
}

/** Seconds since 1970 from the 60-bit count of 100 ns intervals since 1582-10-15. */
export function guidSeconds(f: GuidFields): number {
  const ticks = (BigInt(f.timeHi & 0x0fff) << 48n) | (BigInt(f.timeMid) << 32n) | BigInt(f.timeLow);
  return Number(ticks / 10_000_000n - 12_219_292_800n);
}

/** The byte order ipmitool's "auto" settles on for these 16 bytes ('dump' when no order gives a valid
 *  version nibble). Shared by `mc guid` and the mc.guid view. */
export function detectGuidMode(g: Buffer, now: Date = new Date()): RealMode | 'dump' {
  const nowYear = now.getUTCFullYear();
  let mode: RealMode | 'dump' = 'dump';
  for (const m of REAL_MODES) {
    const f = fieldsOf(g, m);
    const v = guidVersion(f);
    if (v < 1 || v > 5) continue;
    mode = m;
    const year = new Date(guidSeconds(f) * 1000).getUTCFullYear();
    if (v === 1 && year >= 1970 && year <= nowYear) break;
  }
  return mode;
}

export const guidVersion = (f: GuidFields) => (f.timeHi >> 12) & 0x0f;

/** "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" in the given byte order, as ipmitool prints it. */
export function guidString(g: Buffer, mode: RealMode): string {
  const f = fieldsOf(g, mode);
  return `${f.timeLow.toString(16).padStart(8, '0')}-${f.timeMid.toString(16).padStart(4, '0')}-${f.timeHi.toString(16).padStart(4, '0')}-${f.clock.toString(16).padStart(4, '0')}-${f.node.toString('hex')}`;
}

/** The GUID's version nibble in the given byte order (0-15). */
export const guidVersionOf = (g: Buffer, mode: RealMode): number => guidVersion(fieldsOf(g, mode));
