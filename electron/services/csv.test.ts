import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatCsv, parseCsv, CsvSyntaxError } from './csv';

describe('RFC 4180 CSV', () => {
  it('parses quoted fields with commas, doubled quotes and line breaks, with line numbers', () => {
    const recs = parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n\nlast,1');
    expect(recs).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, y', 'say "hi"'] },
      { line: 3, fields: ['multi\nline', 'z'] },
      { line: 6, fields: ['last', '1'] },
    ]);
  });
  it('rejects broken quoting with the line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\nok,1\nx"y,2')).toThrow(
      expect.objectContaining({ name: 'CsvSyntaxError', line: 3 }),
    );
    expect(() => parseCsv('a\n"x"y')).toThrow(expect.objectContaining({ line: 2 }));
  });
  it('format → parse round-trips any table', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 }),
        (rows) => {
          expect(parseCsv(formatCsv(rows)).map((r) => r.fields)).toEqual(rows);
        },
      ),
    );
  });
});
