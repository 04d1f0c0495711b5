// CSV as RFC 4180 writes it: a field is quoted when it holds a comma, a double quote, CR or LF (or
// starts/ends with a space, which spreadsheets would trim), quotes inside are doubled, records end in
// CRLF. Sensor names and descriptions come from the BMC, so any character may turn up in them.

const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

export function csvField(value: string | number | boolean | null | undefined): string {
  const s = value === null || value === undefined ? '' : String(value);
  return NEEDS_QUOTES.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The header and rows as one CSV text, every record (the last included) ending in CRLF. */
export function toCsv(
  header: readonly string[],
  rows: readonly (readonly (string | number | boolean | null | undefined)[])[],
): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',') + '\r\n').join('');
}
