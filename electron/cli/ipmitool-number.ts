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

/** ipmitool's str2int: strtol(str, &end, 0) over the whole argument, signed, within C int range;
 *  undefined otherwise. */
export function parseIpmitoolInt(text: string): number | undefined {
  const m = /^\s*([+-]?)(?:0[xX]([0-9a-fA-F]+)|(0[0-7]*)|([1-9][0-9]*))$/.exec(text);
  if (!m) return undefined;
  const n =
    m[2] !== undefined ? parseInt(m[2], 16) : m[3] !== undefined ? parseInt(m[3], 8) : parseInt(m[4]!, 10);
  const signed = m[1] === '-' ? -n : n;
  return signed >= -0x80000000 && signed <= 0x7fffffff ? signed : undefined;
}
