// BMC address validation: IPv4 dotted quad, IPv6 (RFC 4291 text forms, optional %zone), or a DNS host
// name (RFC 1123 labels). Pure string checks: shared code cannot use node:net.

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  if (parts.length !== 4) return false;
  return parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

export function isIPv6(input: string): boolean {
  let s = input;
  const pct = s.indexOf('%');
  if (pct >= 0) {
    const zone = s.slice(pct + 1);
    // interface name or index; no spaces, slashes or another '%'
    if (!/^[A-Za-z0-9._~-]{1,64}$/.test(zone)) return false;
    s = s.slice(0, pct);
  }
  if (s.length < 2 || s.length > 45) return false;
  let groups = 8;
  const last = s.lastIndexOf(':');
  if (last >= 0 && s.slice(last + 1).includes('.')) {
    if (!isIPv4(s.slice(last + 1))) return false;
    s = s.slice(0, last + 1) + '0:0'; // an embedded IPv4 counts as two groups
  }
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const parse = (h: string): string[] | null => (h === '' ? [] : h.split(':'));
  const head = parse(halves[0] ?? '');
  const tail = halves.length === 2 ? parse(halves[1] ?? '') : [];
  if (!head || !tail) return false;
  const all = [...head, ...tail];
  if (!all.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  if (halves.length === 2) return all.length < groups;
  groups = all.length;
  return groups === 8;
}

export function isHostname(s: string): boolean {
  if (s.length === 0 || s.length > 253) return false;
  const name = s.endsWith('.') ? s.slice(0, -1) : s;
  const labels = name.split('.');
  if (labels.every((l) => /^\d+$/.test(l))) return false; // "10.1.2" is a broken IPv4, not a name
  return labels.every((l) => /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/.test(l));
}

export function isBmcAddress(s: string): boolean {
  return isIPv4(s) || isIPv6(s) || isHostname(s);
}

/** UTF-8 byte length without TextEncoder (not in the shared lib set). */
export function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}
