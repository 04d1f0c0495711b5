// printf-style number formatting with C's behaviour where JavaScript differs: "-0" keeps its sign,
// NaN and infinities print as glibc prints them, and ipmitool's "no decimals for whole numbers" rule.

/** printf("%.*f", digits, x) */
export function fixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const s = Math.abs(x).toFixed(digits);
  return x < 0 || Object.is(x, -0) ? `-${s}` : s;
}

/** ipmitool's `(v == (int)v) ? 0 : precision` */
export function wholeOr(x: number, precision: number): string {
  return fixed(x, Number.isFinite(x) && Math.trunc(x) === x && Math.abs(x) < 2 ** 31 ? 0 : precision);
}

/** printf("%-Ns", s) */
export function left(s: string, width: number): string {
  return s.length >= width ? s : s + ' '.repeat(width - s.length);
}

/** printf("%Nd", n) */
export function right(s: string, width: number): string {
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}

export function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}
export function HEX2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}
