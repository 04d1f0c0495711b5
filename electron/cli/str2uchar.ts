// ipmitool's number parsing for command arguments (lib/helper.c str2uchar over strtoul base 0):
// "0x"-prefixed hex, "0"-prefixed octal, or decimal; a leading "+" is allowed, a "-" wraps around to
// a huge value and so is "too big". Scripts written for ipmitool depend on the octal rule ("010" = 8).
export type Str2ucharResult = { ok: true; value: number } | { ok: false; reason: 'invalid' | 'too-big' };

export function str2ulong(text: string): bigint | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(text);
  if (!m) return undefined;
  const digits = m[2]!;
  const v = /^0[xX]/.test(digits)
    ? BigInt(digits)
    : digits.length > 1 && digits.startsWith('0')
      ? BigInt('0o' + digits.slice(1))
      : BigInt(digits);
  return m[1] === '-' && v !== 0n ? (1n << 64n) - v : v;
}

export function str2uchar(text: string): Str2ucharResult {
  const v = str2ulong(text);
  if (v === undefined) return { ok: false, reason: 'invalid' };
  if (v > 0xffn) return { ok: false, reason: 'too-big' };
  return { ok: true, value: Number(v) };
}
