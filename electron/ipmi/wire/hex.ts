/** Parses "06 00 ff 07", "0600ff07" or "0x06 0x00" into bytes; throws on anything else. */
export function fromHex(text: string): Buffer {
  const tokens = text
    .trim()
    .split(/[\s,:|]+/)
    .filter(Boolean);
  const parts: string[] = [];
  for (const t of tokens) {
    const s = t.replace(/^0x/i, '');
    if (!/^[0-9a-f]+$/i.test(s)) throw new Error(`not hex: "${t}"`);
    if (/^0x/i.test(t) && s.length <= 2) parts.push(s.padStart(2, '0'));
    else if (s.length % 2 === 0) parts.push(s);
    else throw new Error(`odd number of hex digits: "${t}"`);
  }
  return Buffer.from(parts.join(''), 'hex');
}

export const toHex = (b: Uint8Array, sep = ''): string =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0')).join(sep);
