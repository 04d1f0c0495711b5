// The CSV writer, table-driven: what must be quoted (commas, quotes, line breaks, edge spaces), what
// must not, and that a parser following RFC 4180 reads back exactly the fields written.
import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv';

const FIELDS: [name: string, value: string | number | boolean | undefined, csv: string][] = [
  ['plain text', 'CPU Temp', 'CPU Temp'],
  ['empty', '', ''],
  ['undefined', undefined, ''],
  ['number', 92, '92'],
  ['boolean', true, 'true'],
  ['comma', 'Reading 92, above', '"Reading 92, above"'],
  ['double quote', 'the "PSU1" sensor', '"the ""PSU1"" sensor"'],
  ['only quotes', '""', '""""""'],
  ['LF', 'line 1\nline 2', '"line 1\nline 2"'],
  ['CRLF', 'line 1\r\nline 2', '"line 1\r\nline 2"'],
  ['CR', 'a\rb', '"a\rb"'],
  ['trailing space', 'Lower Critical going low ', '"Lower Critical going low "'],
  ['leading space', ' Pre-Init', '" Pre-Init"'],
  ['inner spaces only', 'Power Supply PSU1 Status', 'Power Supply PSU1 Status'],
  ['Chinese', '温度 过高', '温度 过高'],
  ['semicolon and tab are not special', 'a;b\tc', 'a;b\tc'],
  ['comma, quote and newline together', 'x,"y"\nz', '"x,""y""\nz"'],
];

/** A small RFC 4180 reader, written separately from the writer, to check the round trip. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length) throw new Error('CSV does not end in CRLF');
  return rows;
}

describe('csvField', () => {
  it.each(FIELDS)('%s', (_name, value, csv) => {
    expect(csvField(value)).toBe(csv);
  });
});

describe('toCsv', () => {
  it('writes a header and rows, each record ending in CRLF', () => {
    expect(
      toCsv(
        ['id', 'description'],
        [
          [1, 'Presence detected'],
          [2, 'a, b'],
        ],
      ),
    ).toBe('id,description\r\n1,Presence detected\r\n2,"a, b"\r\n');
  });

  it('an RFC 4180 reader reads back every field as written', () => {
    const values = FIELDS.map(([, v]) => (v === undefined ? '' : String(v)));
    const text = toCsv(
      ['name', 'value'],
      FIELDS.map(([name], i) => [name, values[i]]),
    );
    expect(parseCsv(text)).toEqual([['name', 'value'], ...FIELDS.map(([name], i) => [name, values[i]!])]);
  });

  it('no rows: only the header', () => {
    expect(toCsv(['a', 'b'], [])).toBe('a,b\r\n');
  });
});
