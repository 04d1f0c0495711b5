// Host inventory ⇄ CSV. Columns by header name; groups are ';'-separated. Passwords are never exported
// and a password column on import is refused rather than silently dropped, so nobody believes they
// were imported.
import { hostDraft, type Host } from '../../shared/domain/host';
import { formatCsv, parseCsv, CsvSyntaxError } from './csv';

export const CSV_COLUMNS = [
  'name',
  'address',
  'port',
  'username',
  'interface',
  'cipherSuite',
  'privilege',
  'groups',
  'notes',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['name', 'address'];

export class CsvImportError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'CsvImportError';
  }
}

export function hostsToCsv(hosts: readonly Host[]): string {
  return formatCsv([
    [...CSV_COLUMNS],
    ...hosts.map((h) => [
      h.name,
      h.address,
      String(h.port),
      h.username,
      h.interface,
      String(h.cipherSuite),
      h.privilege,
      h.groups.join(';'),
      h.notes,
    ]),
  ]);
}

/** Parses and validates every row; throws CsvImportError naming the first bad line. */
export function csvToDrafts(text: string): ReturnType<typeof hostDraft.parse>[] {
  let records;
  try {
    records = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new CsvImportError(`line ${e.line}: ${e.message}`, e.line);
    throw e;
  }
  const header = records.shift();
  if (!header) throw new CsvImportError('empty file: expected a header line', 1);
  const names = header.fields.map((f) => f.trim());
  for (const n of names) {
    if (/pass(word)?|secret/i.test(n))
      throw new CsvImportError(
        `line ${header.line}: passwords cannot be imported from CSV (column "${n}"); set them in the app`,
        header.line,
        n,
      );
    if (!(CSV_COLUMNS as readonly string[]).includes(n))
      throw new CsvImportError(`line ${header.line}: unknown column "${n}"`, header.line, n);
  }
  if (new Set(names).size !== names.length)
    throw new CsvImportError(`line ${header.line}: duplicate column`, header.line);
  for (const r of REQUIRED)
    if (!names.includes(r))
      throw new CsvImportError(`line ${header.line}: missing column "${r}"`, header.line, r);

  return records.map((rec) => {
    if (rec.fields.length !== names.length)
      throw new CsvImportError(
        `line ${rec.line}: ${rec.fields.length} fields, header has ${names.length}`,
        rec.line,
      );
    const raw: Record<string, unknown> = {};
    names.forEach((n, i) => {
      const v = rec.fields[i]!;
      if (v === '' && n !== 'username' && n !== 'notes') return; // empty = default
      if (n === 'port') raw[n] = /^\d+$/.test(v) ? Number(v) : v;
      else if (n === 'cipherSuite') raw[n] = /^\d+$/.test(v) ? Number(v) : v;
      else if (n === 'groups')
        raw[n] = v
          .split(';')
          .map((g) => g.trim())
          .filter(Boolean);
      else raw[n] = n === 'address' || n === 'name' ? v.trim() : v;
    });
    if (raw['username'] === undefined) raw['username'] = '';
    const parsed = hostDraft.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.');
      throw new CsvImportError(`line ${rec.line}: ${field || 'row'}: ${issue.message}`, rec.line, field);
    }
    return parsed.data;
  });
}
