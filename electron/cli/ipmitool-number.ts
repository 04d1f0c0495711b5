// ipmitool parses numeric arguments with strtoul(str, &end, 0): decimal, 0x-hex, or 0-octal, and the
// whole string must be consumed. Matching that keeps `user priv 3 0x4` and `channel info 010` meaning
// what they mean to ipmitool.

/** undefined when the text is not a number ipmitool would accept or exceeds max. */
export function parseIpmitoolUint(text: string, max: number): number | undefined {
  const m = /^\s*\+?(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))$/.exec(text);
  if (!m) return undefined;
  const n =
    m[1] !== undefined ? parseInt(m[1], 16) : m[2] !== undefined ? parseInt(m[2], 8) : parseInt(m[3]!, 10);
  return Number.isSafeInteger(n) && n <= max ? n : undefined;
}
