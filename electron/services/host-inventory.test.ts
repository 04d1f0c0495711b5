import { afterEach, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, readdir, rm, writeFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HostInventory } from './host-inventory';
import { csvToDrafts, hostsToCsv, CsvImportError } from './hosts-csv';

const dirs: string[] = [];
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'bmcdesk-inv-'));
  dirs.push(d);
  return d;
}
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});
const draft = (n: number) => ({ name: `bmc-${n}`, address: `192.0.2.${n % 250}`, username: 'admin' });

describe('host inventory', () => {
  it('persists hosts with defaults, versioned, and reloads them', async () => {
    const dir = await tempDir();
    const inv = await HostInventory.open(dir);
    const h = await inv.add({ ...draft(1), groups: ['rack-a'] });
    expect(h).toMatchObject({
      port: 623,
      interface: 'lanplus',
      cipherSuite: 'auto',
      privilege: 'administrator',
      groups: ['rack-a'],
    });
    const json = JSON.parse(await readFile(join(dir, 'hosts.json'), 'utf8'));
    expect(json).toMatchObject({ format: 'bmc-desk-hosts', version: 1 });
    if (process.platform !== 'win32') expect((await stat(join(dir, 'hosts.json'))).mode & 0o077).toBe(0);
    const again = await HostInventory.open(dir);
    expect(again.list()).toEqual([h]);
    expect(again.restoredFromBackup).toBe(false);
  });

  it('removes temp files a crashed or failed write left behind, and nothing else', async () => {
    const dir = await tempDir();
    const other = await tempDir();
    const inv = await HostInventory.open(dir);
    const h = await inv.add(draft(1));
    const gone = 4_206_649; // above Linux's largest pid_max: no process has it
    const stale = [`hosts.json.tmp-${gone}-deadbeef`, `hosts.json.tmp-${gone}-0123abcd`];
    const kept = [
      `hosts.json.tmp-${process.pid}-0123abcd`, // a write of a running process (here: this one)
      `hosts.json.tmp-${gone}-deadbeef.keep`,
      `hosts.json.tmp-${gone}-xyz`,
      `other.json.tmp-${gone}-deadbeef`,
      'hosts.json.bak',
    ];
    for (const name of [...stale, ...kept]) await writeFile(join(dir, name), '{"half":');
    await writeFile(join(other, stale[0]!), '{"half":');
    const again = await HostInventory.open(dir);
    expect(again.list()).toEqual([h]);
    expect(again.notice).toBeUndefined();
    expect((await readdir(dir)).sort()).toEqual(['hosts.json', ...kept].sort());
    expect(await readdir(other)).toEqual([stale[0]]);
  });

  it('keeps the previous generation as a backup', async () => {
    const dir = await tempDir();
    const inv = await HostInventory.open(dir);
    await inv.add(draft(1));
    await inv.add(draft(2));
    const bak = JSON.parse(await readFile(join(dir, 'hosts.json.bak'), 'utf8'));
    expect(bak.hosts).toHaveLength(1);
  });

  it.each([
    ['truncated JSON', (s: string) => s.slice(0, s.length / 2)],
    ['garbage', () => '\u0000\u0000not json'],
    [
      'valid JSON, wrong shape',
      () => JSON.stringify({ format: 'bmc-desk-hosts', version: 1, generation: 3, hosts: [{ id: 1 }] }),
    ],
    ['empty file', () => ''],
  ])('recovers from %s via the backup and says so', async (_label, damage) => {
    const dir = await tempDir();
    const inv = await HostInventory.open(dir);
    await inv.add(draft(1));
    await inv.add(draft(2));
    const main = join(dir, 'hosts.json');
    await writeFile(main, damage(await readFile(main, 'utf8')));
    const re = await HostInventory.open(dir);
    expect(re.restoredFromBackup).toBe(true);
    expect(re.notice).toMatch(/damaged.*restored/);
    expect(re.list().map((h) => h.name)).toEqual(['bmc-1']);
    expect((await readdir(dir)).some((f) => f.startsWith('hosts.json.corrupt-'))).toBe(true);
    // the restored state is written back and usable
    await re.add(draft(3));
    expect((await HostInventory.open(dir)).list()).toHaveLength(2);
  });

  it('a damaged file without a backup starts empty and says so, keeping the damaged file', async () => {
    const dir = await tempDir();
    await writeFile(join(dir, 'hosts.json'), '{"format":');
    const inv = await HostInventory.open(dir);
    expect(inv.list()).toEqual([]);
    expect(inv.notice).toMatch(/no usable backup/);
    const kept = (await readdir(dir)).filter((f) => f.startsWith('hosts.json.corrupt-'));
    expect(kept).toHaveLength(1);
    expect(await readFile(join(dir, kept[0]!), 'utf8')).toBe('{"format":');
    expect(inv.notice).toContain(kept[0]);
  });

  it('a file from a newer version is not touched', async () => {
    const dir = await tempDir();
    const newer = JSON.stringify({ format: 'bmc-desk-hosts', version: 99, hosts: [] });
    await writeFile(join(dir, 'hosts.json'), newer);
    await expect(HostInventory.open(dir)).rejects.toThrow(/newer/);
    expect(await readFile(join(dir, 'hosts.json'), 'utf8')).toBe(newer);
    expect(await readdir(dir)).toEqual(['hosts.json']);
  });

  it('concurrent saves never lose a host', async () => {
    const dir = await tempDir();
    const inv = await HostInventory.open(dir);
    const first = await inv.add(draft(0));
    const ops = [
      ...Array.from({ length: 40 }, (_, i) => inv.add(draft(i + 1))),
      inv.update(first.id, { notes: 'edited' }),
      inv.addMany([draft(100), draft(101)]),
    ];
    await Promise.all(ops);
    const re = await HostInventory.open(dir);
    expect(re.list()).toHaveLength(43);
    expect(re.get(first.id)?.notes).toBe('edited');
    expect((await readdir(dir)).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });

  it('an invalid draft or patch rejects the returned promise (no synchronous throw) and writes nothing', async () => {
    const dir = await tempDir();
    const inv = await HostInventory.open(dir);
    const bad = { ...draft(1), address: '999.0.0.1' };
    const added = inv.add(bad);
    const many = inv.addMany([draft(2), bad]);
    const updated = inv.update('h0000000001', { port: 0 });
    await expect(added).rejects.toThrow(/address/);
    await expect(many).rejects.toThrow(/address/);
    await expect(updated).rejects.toThrow(/port/);
    expect(inv.list()).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('a failing mutation does not block later ones', async () => {
    const inv = await HostInventory.open(await tempDir());
    await expect(inv.update('hnope0000', { name: 'x' })).rejects.toThrow(/no host/);
    await expect(inv.add(draft(1))).resolves.toMatchObject({ name: 'bmc-1' });
  });
});

describe('CSV import/export', () => {
  it('exports without passwords and re-imports the same hosts', async () => {
    const inv = await HostInventory.open(await tempDir());
    await inv.add({
      ...draft(1),
      name: 'web, "front"',
      groups: ['a', 'b'],
      notes: 'line1\nline2',
      address: 'fe80::1%eth0',
    });
    const csv = hostsToCsv(inv.list());
    expect(csv.split('\r\n')[0]).toBe(
      'name,address,port,username,interface,cipherSuite,privilege,groups,notes',
    );
    expect(csv).not.toMatch(/password/i);
    const drafts = csvToDrafts(csv);
    const { id: _id, ...orig } = inv.list()[0]!;
    expect(drafts[0]).toEqual(orig);
  });

  it('one bad row imports nothing and names the line', async () => {
    const inv = await HostInventory.open(await tempDir());
    const csv =
      'name,address,username\nok-1,192.0.2.1,admin\nok-2,"192.0.2.2",admin\nbad,999.0.0.1,admin\nok-3,bmc3,admin\n';
    let err: unknown;
    try {
      await inv.addMany(csvToDrafts(csv));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CsvImportError);
    expect((err as CsvImportError).line).toBe(4);
    expect((err as CsvImportError).message).toMatch(/line 4: address/);
    expect(inv.list()).toEqual([]);
  });

  it('refuses a password column rather than dropping it silently', () => {
    expect(() => csvToDrafts('name,address,password\nx,192.0.2.1,secret\n')).toThrow(
      /passwords cannot be imported/,
    );
  });

  it('reports wrong field counts and unknown columns with the line', () => {
    expect(() => csvToDrafts('name,address\nx\n')).toThrow(/line 2/);
    expect(() => csvToDrafts('name,address,colour\n')).toThrow(/unknown column "colour"/);
  });
});
