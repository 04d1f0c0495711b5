import { mkdtemp, rm, symlink, writeFile, link } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntity } from './sdr';
import { openForWrite } from './sdr-dump';
import { takeCacheFlag } from './sdr-source';
import { formatEntityIdList } from '../format/sdr';
import { closeSync } from 'node:fs';

describe('sdr entity argument (ipmitool sscanf "%u.%u", then "%u", then a name)', () => {
  it.each([
    ['7.1', { id: 7, instance: 1 }],
    ['7', { id: 7, instance: undefined }],
    ['7.127', { id: 7, instance: undefined }], // 0x7f: every instance
    ['263.1', { id: 7, instance: 1 }], // 8-bit ID field
    ['7.129', { id: 7, instance: 1 }], // 7-bit instance field
    ['7abc', { id: 7, instance: undefined }],
    [' +10.2', { id: 10, instance: 2 }],
    ['System Board', { id: 7, instance: undefined }],
    ['fan device', { id: 0x1d, instance: undefined }],
    ['Processor', { id: 0x41, instance: undefined }], // the table's later "Processor" wins (sic)
    ['Air Inlet', { id: 0x40, instance: undefined }],
    ['Reserved', { id: 0x3f, instance: undefined }],
  ])('%s', (arg, want) => {
    expect(parseEntity(arg)).toEqual(want);
  });
  it('refuses what is neither', () => {
    expect(parseEntity('bogus')).toBeUndefined();
    expect(parseEntity('')).toBeUndefined();
  });
});

describe('sdr entity list', () => {
  it('two columns of ipmitool entity_id_vals, first and last rows', () => {
    const lines = formatEntityIdList().split('\n');
    expect(lines.slice(0, 4)).toEqual([
      '',
      'Entity IDs:',
      '',
      `     0  ${'Unspecified'.padEnd(32)}       1  ${'Other'.padEnd(32)}`,
    ]);
    // 67 codes 0x00-0x42 and 7 PICMG codes: 74, so 37 full rows, then the blank line
    expect(lines).toHaveLength(3 + 37 + 2);
    expect(lines[39]).toBe(
      `   242  ${'PICMG Shelf FRU Information'.padEnd(32)}     243  ${'PICMG Alarm Panel'.padEnd(32)}`,
    );
  });
});

describe('--no-cache', () => {
  it.each([
    [['--no-cache', 'list'], true, ['list']],
    [['elist', '--no-cache'], true, ['elist']],
    [['get', 'CPU Temp', '--no-cache', 'P5V'], true, ['get', 'CPU Temp', 'P5V']],
    [['--no-cache', 'list', '--no-cache'], true, ['list']],
    [['list', 'all'], false, ['list', 'all']],
    [['get', '--no-cachex'], false, ['get', '--no-cachex']],
  ])('%j', (args, noCache, rest) => {
    expect(takeCacheFlag(args)).toEqual({ noCache, rest });
  });
});

describe('sdr dump file checks (ipmitool ipmi_open_file for write)', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'bmcdesk-open-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  it('creates a new file and truncates an existing regular one', async () => {
    const f = join(dir, 'a.bin');
    const a = openForWrite(f);
    expect('fd' in a).toBe(true);
    if ('fd' in a) closeSync(a.fd);
    await writeFile(f, 'old');
    const b = openForWrite(f);
    expect('fd' in b).toBe(true);
    if ('fd' in b) closeSync(b.fd);
  });
  it('refuses links, directories and unreachable paths with ipmitool wording', async () => {
    await writeFile(join(dir, 'hard.bin'), '');
    await link(join(dir, 'hard.bin'), join(dir, 'hard2.bin'));
    await symlink(join(dir, 'nowhere'), join(dir, 'sym.bin'));
    expect(openForWrite(join(dir, 'hard.bin'))).toEqual({
      error: `File ${join(dir, 'hard.bin')} has invalid link count: 2 != 1`,
    });
    expect(openForWrite(join(dir, 'sym.bin'))).toEqual({
      error: `File ${join(dir, 'sym.bin')} has invalid mode: ${0o120777}`,
    });
    expect(openForWrite(dir)).toMatchObject({
      error: expect.stringMatching(/^File .* has invalid mode: \d+$/),
    });
    expect(openForWrite(join(dir, 'no', 'x'))).toEqual({
      error: `Unable to open file ${join(dir, 'no', 'x')} for write: No such file or directory`,
    });
  });
});
