// Number and date formatting for FRU values in the user's language.
export function fixed(lang: string, digits: number) {
  const f = new Intl.NumberFormat(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return (n: number) => f.format(n);
}

/** A board manufacturing time in the user's language, in UTC as the FRU stores it. */
export function manufacturingDate(lang: string, iso: string): string {
  const f = new Intl.DateTimeFormat(lang, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
    hourCycle: 'h23',
  });
  return `${f.format(new Date(iso))} UTC`;
}
