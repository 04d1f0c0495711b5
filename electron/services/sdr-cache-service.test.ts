// The app's SdrCache over a scripted repository (FakeRequester): a warm load from memory sends only Get
// SDR Repository Info; a repository that changed (new record, new addition timestamp) is read again; a
// new instance on the same directory starts warm from the file; refresh reads the BMC whatever is held;
// two hosts' keys never share records.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeRequester, ok, cc } from '../ipmi/commands/storage/fake-storage-bmc';
import { SdrCache } from './sdr-cache';

const CPU =
  '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70';
const PSU1 = '07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573';

/** A repository of `records` (hex) whose Repository Info says `added` as most recent addition. */
function repository(records: string[], added: number) {
  const bytes = records.map((h) => Buffer.from(h, 'hex'));
  const ids = bytes.map((b) => b[0]! | (b[1]! << 8));
  const le16 = (n: number) => [n & 0xff, n >> 8];
  const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, n >>> 24];
  return new FakeRequester({
    // Get SDR Repository Info: v0x51, count, free 0xFFFE, addition, erase 0, reserve supported
    0x20: () =>
      ok(
        Buffer.from([0x51, ...le16(bytes.length), 0xfe, 0xff, ...le32(added), 0, 0, 0, 0, 0x02]).toString(
          'hex',
        ),
      ),
    0x22: () => ok('0100'),
    // Get SDR: reservation(2) id(2) offset count; reply next id(2) + bytes
    0x23: (d) => {
      const at = ids.indexOf(d[2]! | (d[3]! << 8) || ids[0]!);
      if (at < 0) return cc(0xcb);
      const next = at + 1 < ids.length ? ids[at + 1]! : 0xffff;
      const part = bytes[at]!.subarray(d[4]!, d[4]! + d[5]!);
      return ok(Buffer.from([...le16(next), ...part]).toString('hex'));
    },
    // Get Device ID (the cache file's identity); Get Device GUID refused
    0x01: () => ok('20 01 01 00 02 bf 91 12 00 02 0f'),
  });
}

const storage = (r: FakeRequester) => r.sent.filter((s) => s.cmd >= 0x20 && s.cmd <= 0x23).map((s) => s.cmd);

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sdrcache-svc-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SdrCache', () => {
  it('cold, then warm from memory with one Get SDR Repository Info', async () => {
    const cache = new SdrCache(dir);
    const r = repository([CPU, PSU1], 100);
    const cold = await cache.load(r, 'app:a@h:623');
    expect(cold.source).toBe('bmc');
    expect(cold.records.map((x) => x.recordId)).toEqual([1, 7]);
    r.sent.length = 0;
    const warm = await cache.load(r, 'app:a@h:623');
    expect(warm.source).toBe('cache');
    expect(storage(r)).toEqual([0x20]);
    expect(warm.records.map((x) => x.recordId)).toEqual([1, 7]);
  });

  it('reads again when the repository changed, and a new instance on the same directory starts warm', async () => {
    const cache = new SdrCache(dir);
    await cache.load(repository([CPU], 100), 'k');
    const grown = repository([CPU, PSU1], 200);
    const again = await cache.load(grown, 'k');
    expect(again.source).toBe('bmc');
    expect(again.records).toHaveLength(2);
    const fresh = new SdrCache(dir);
    grown.sent.length = 0;
    const fromDisk = await fresh.load(grown, 'k');
    expect(fromDisk.source).toBe('cache');
    expect(storage(grown)).toEqual([0x20]);
    expect(fromDisk.records).toHaveLength(2);
  });

  it('refresh reads the BMC even when memory and file are current; keys do not share records', async () => {
    const cache = new SdrCache(dir);
    const r = repository([CPU, PSU1], 100);
    await cache.load(r, 'k');
    r.sent.length = 0;
    expect((await cache.load(r, 'k', { refresh: true })).source).toBe('bmc');
    expect(storage(r)).toContain(0x23);
    const other = repository([PSU1], 100);
    expect((await cache.load(other, 'other')).records.map((x) => x.recordId)).toEqual([7]);
    expect(SdrCache.key({ id: 'h1', address: '10.0.0.5', port: 623 })).not.toBe(
      SdrCache.key({ id: 'h1', address: '10.0.0.6', port: 623 }),
    );
  });

  it('forget drops a host from memory and from disk: the next load reads the BMC', async () => {
    const host = { id: 'h0forget001', address: '127.0.0.1', port: 623 };
    const cache = new SdrCache(dir);
    const r = repository([CPU, PSU1], 100);
    await cache.load(r, SdrCache.key(host));
    expect(cache.size).toBe(1);
    expect(await readdir(dir)).toHaveLength(1);
    await cache.forget(host);
    expect(cache.size).toBe(0);
    expect(await readdir(dir)).toEqual([]);
    expect((await new SdrCache(dir).load(r, SdrCache.key(host))).source).toBe('bmc');
  });
});
