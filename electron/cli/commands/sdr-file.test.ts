// Known answers for reading `-S FILE` the way ipmitool 1.8.19 does (the messages were taken from
// ipmitool runs on the lab's dump), and a property: no file, however damaged, makes the reader or the
// sdr/sensor formats throw.
import { mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatSdrList } from '../format/sdr';
import { sensorCsvLine, sensorListLine } from '../format/sensor';
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import { isSensorRecord } from '../../ipmi/decode/sdr/sdr-record';
import { decodeOrRaw } from '../../ipmi/commands/storage/sdr-repository';
import { parseSdrFile, readSdrFile } from './sdr-file';

const hex = (s: string) => Uint8Array.from(Buffer.from(s.replace(/\s+/g, ''), 'hex'));

// the lab's first two records as ipmitool's `sdr dump` writes them: CPU Temp (full, ID 1, 56 bytes) and
// P12V (full, ID 2, 52 bytes)
const CPU_TEMP =
  hex(`0100 5101 33 20001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000
  c8 4350552054656d70`);
const P12V =
  hex(`0200 5101 2f 20001107017f680201950a950a0000000400004e00000000c000000000ff000000000000000000000000
  c4 50313256`);
const cat = (...parts: Uint8Array[]) => Uint8Array.from(Buffer.concat(parts));

describe('parseSdrFile (ipmi_sdr_list_cache_fromfile)', () => {
  it('reads records back to back, headers included', () => {
    const { raw, damage } = parseSdrFile(cat(CPU_TEMP, P12V));
    expect(damage).toBeUndefined();
    expect(raw.map((r) => r.length)).toEqual([56, 52]);
    expect(Buffer.from(raw[1]!).equals(Buffer.from(P12V))).toBe(true);
  });

  it('an empty file is an empty repository (what sdr dump writes for one)', () => {
    expect(parseSdrFile(new Uint8Array(0))).toEqual({ raw: [] });
  });

  it.each([
    ['a header cut short', cat(CPU_TEMP, P12V.subarray(0, 2)), 'header read 2 bytes, expected 5', 1],
    ['a record cut short', cat(CPU_TEMP, P12V.subarray(0, 44)), 'record 0002 read 39 bytes, expected 47', 1],
    [
      'a record length past the end',
      cat(CPU_TEMP, P12V.subarray(0, 6)),
      'record 0002 read 1 bytes, expected 47',
      1,
    ],
    [
      'a bad header version',
      cat(CPU_TEMP, hex('02007701 2f'), P12V.subarray(5)),
      'invalid sdr header version 77',
      1,
    ],
    ['a bad version first', cat(hex('0100 0001 01 00'), CPU_TEMP), 'invalid sdr header version 00', 0],
  ])('stops at %s with ipmitool words, keeping the records before', (_what, bytes, damage, kept) => {
    const parsed = parseSdrFile(bytes);
    expect(parsed.damage).toBe(damage);
    expect(parsed.raw).toHaveLength(kept);
  });

  it('skips a header with no body (before looking at its version) and drops the types ipmitool drops', () => {
    const oem = hex('0300 51 c0 04 57010000'); // OEM record: ipmitool keeps none from a file
    const mcConfirmation = hex('0400 51 13 02 0000');
    const { raw, damage } = parseSdrFile(cat(hex('0900 ff 01 00'), CPU_TEMP, oem, mcConfirmation, P12V));
    expect(damage).toBeUndefined();
    expect(raw.map((r) => r[0])).toEqual([1, 2]);
  });

  it('accepts the header versions 0x01 and 0x02 as ipmitool does', () => {
    const v1 = Uint8Array.from(CPU_TEMP);
    v1[2] = 0x01;
    const v2 = Uint8Array.from(P12V);
    v2[2] = 0x02;
    expect(parseSdrFile(cat(v1, v2)).raw).toHaveLength(2);
  });
});

describe('readSdrFile', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sdr-file-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('decodes the records of a whole file, silently', async () => {
    const file = join(dir, 'good.bin');
    await writeFile(file, cat(CPU_TEMP, P12V));
    const r = readSdrFile(file);
    expect(r.messages).toBe('');
    expect(r.records?.map((x) => ('id' in x ? x.id : x.kind))).toEqual(['CPU Temp', 'P12V']);
  });

  it('a damaged file gives the records before the damage and one line', async () => {
    const file = join(dir, 'cut.bin');
    await writeFile(file, cat(CPU_TEMP, P12V.subarray(0, 44)));
    const r = readSdrFile(file);
    expect(r.messages).toBe('record 0002 read 39 bytes, expected 47\n');
    expect(r.records).toHaveLength(1);
  });

  it('a missing file: ipmitool two lines, and the SDR comes from the BMC', () => {
    const file = join(dir, 'nope.bin');
    expect(readSdrFile(file)).toEqual({
      messages: `File ${file} does not exist\nUnable to open SDR cache ${file} for reading\n`,
    });
  });

  it('a dangling link exists for lstat, so fopen fails as in ipmitool', async () => {
    const link = join(dir, 'dangling.bin');
    await symlink(join(dir, 'nowhere'), link);
    expect(readSdrFile(link).messages).toBe(
      `Unable to open file ${link}: No such file or directory\nUnable to open SDR cache ${link} for reading\n`,
    );
  });

  it('a directory is refused with its reason (ipmitool reads it as an empty SDR without a word)', () => {
    expect(readSdrFile(dir)).toEqual({
      messages: `Unable to open file ${dir}: Is a directory\nUnable to open SDR cache ${dir} for reading\n`,
    });
  });
});

describe('hostile files', () => {
  /** every format the records of a file reach: sdr list/elist/-c for every record, sensor list lines */
  function formatAll(bytes: Uint8Array): void {
    const records = parseSdrFile(bytes).raw.map(decodeOrRaw);
    const snaps = new Map<number, SensorSnapshot>();
    for (const rec of records)
      if (isSensorRecord(rec))
        snaps.set(rec.recordId, {
          record: rec,
          reading: undefined,
          thresholds: undefined,
          factors: undefined,
          value: undefined,
        });
    for (const extended of [false, true])
      for (const csv of [false, true]) formatSdrList(records, snaps, 'all', extended, csv);
    for (const s of snaps.values()) {
      sensorListLine(s);
      sensorCsvLine(s);
    }
  }

  it('random bytes never throw, and every kept record lies inside the file with its announced length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const { raw } = parseSdrFile(bytes);
        let total = 0;
        for (const r of raw) {
          expect(r.length).toBe(5 + r[4]!);
          total += r.length;
        }
        expect(total).toBeLessThanOrEqual(bytes.length);
        formatAll(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('a real dump with random bytes changed or cut never throws', () => {
    const good = cat(CPU_TEMP, P12V, CPU_TEMP);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { maxLength: 12 }),
        fc.nat(good.length),
        (edits, cut) => {
          const bytes = Uint8Array.from(good);
          for (const [at, v] of edits) bytes[at] = v;
          formatAll(bytes.subarray(0, cut));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
