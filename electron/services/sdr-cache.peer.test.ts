// The SDR cache and the repository walk against the real lab BMC (ipmi_sim) over a real session.
// Round trips are counted twice: by a counting wrapper around the session (requests issued) and by
// the session's own datagram counters.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type IpmiSession } from '../ipmi/client/connect';
import type { IpmiRequest, Requester } from '../ipmi/client/requester';
import { LAB_USERS, ipmitool } from '../../e2e/lab/bmc-lab';
import { sharedLabBmc } from '../../e2e/lab/shared-lab';
import { readSdrRepository } from '../ipmi/commands/storage/sdr-repository';
import { cacheFileName, loadSdr } from './sdr-cache';
import { sensorList } from '../cli/commands/sensor';

function counting(inner: Requester) {
  const calls: string[] = [];
  const note = (req: IpmiRequest) => calls.push(`${req.netFn.toString(16)}/${req.cmd.toString(16)}`);
  const r: Requester = {
    host: inner.host,
    request: (req, o) => (note(req), inner.request(req, o)),
    raw: (req, o) => (note(req), inner.raw(req, o)),
  };
  return { r, calls };
}

let session: IpmiSession;
let dir: string;
const key = () => `127.0.0.1:${sharedLabBmc().port}`;

beforeAll(async () => {
  const bmc = sharedLabBmc();
  session = await connect({
    host: '127.0.0.1',
    port: bmc.port,
    username: LAB_USERS.admin.name,
    password: LAB_USERS.admin.password,
    cipherSuite: 3,
  });
  dir = await mkdtemp(join(tmpdir(), 'bmcdesk-sdr-cache-'));
});
afterAll(async () => {
  await session?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('SDR walk against ipmi_sim', () => {
  it('reads the same records with tiny partial reads (4-byte chunks) as with the default size', async () => {
    const whole = await readSdrRepository(session);
    const small = await readSdrRepository(session, { chunkSize: 4 });
    expect(small.raw.map((b) => Buffer.from(b).toString('hex'))).toEqual(
      whole.raw.map((b) => Buffer.from(b).toString('hex')),
    );
    expect(whole.records.length).toBe(whole.info.recordCount);
    // every name ipmitool lists is among ours
    const theirs = await ipmitool(sharedLabBmc(), ['sdr', 'elist', 'all']);
    const names = whole.records.map((r) => ('id' in r ? r.id : ''));
    for (const line of theirs.stdout.trim().split('\n')) expect(names).toContain(line.slice(0, 16).trimEnd());
  });
});

describe('SDR cache', () => {
  it('cold load reads the BMC and writes the cache; warm load costs exactly one request (Get SDR Repository Info)', async () => {
    const cold = counting(session);
    const first = await loadSdr(cold.r, { cacheDir: dir, hostKey: key() });
    expect(first.source).toBe('bmc');
    expect(cold.calls.filter((c) => c === 'a/23').length).toBeGreaterThan(first.records.length);
    expect(await readdir(dir)).toEqual([cacheFileName(key())]);

    const warm = counting(session);
    const sentBefore = session.stats.sent;
    const second = await loadSdr(warm.r, { cacheDir: dir, hostKey: key() });
    expect(second.source).toBe('cache');
    expect(warm.calls).toEqual(['a/20']);
    expect(session.stats.sent - sentBefore).toBe(1);
    expect(second.raw.map((b) => Buffer.from(b).toString('hex'))).toEqual(
      first.raw.map((b) => Buffer.from(b).toString('hex')),
    );
  });

  it('warm `sensor list` = 1 repository-info request + the per-sensor reads, all issued together', async () => {
    await loadSdr(session, { cacheDir: dir, hostKey: key() });
    const c = counting(session);
    const sent = session.stats.sent;
    const { text, source } = await sensorList(c.r, { cacheDir: dir, hostKey: key() });
    expect(source).toBe('cache');
    const sensors = text.trim().split('\n').length;
    const readings = c.calls.filter((x) => x === '4/2d').length;
    const thresholds = c.calls.filter((x) => x === '4/27').length;
    expect(c.calls.filter((x) => x === 'a/20')).toHaveLength(1);
    expect(c.calls.filter((x) => x.startsWith('a/')).length).toBe(1);
    expect(readings).toBe(sensors);
    expect(c.calls.length).toBe(1 + readings + thresholds);
    expect(session.stats.sent - sent).toBe(c.calls.length);
    expect(text).toBe((await ipmitool(sharedLabBmc(), ['sensor', 'list'])).stdout);
  });

  it('is invalidated when the repository timestamps differ from the cached ones', async () => {
    await loadSdr(session, { cacheDir: dir, hostKey: key() });
    const path = join(dir, cacheFileName(key()));
    const file = JSON.parse(await readFile(path, 'utf8')) as { info: { mostRecentAddition: number } };
    file.info.mostRecentAddition += 1; // as if a record had been added since
    await writeFile(path, JSON.stringify(file));
    const again = await loadSdr(session, { cacheDir: dir, hostKey: key() });
    expect(again.source).toBe('bmc');
    expect((await loadSdr(session, { cacheDir: dir, hostKey: key() })).source).toBe('cache');
  });

  it('ignores a corrupt cache file and rebuilds it', async () => {
    const path = join(dir, cacheFileName(key()));
    for (const junk of [
      '{"format":1,',
      '[]',
      JSON.stringify({ format: 1, host: key(), identity: {}, info: {}, records: ['zz'] }),
    ]) {
      await writeFile(path, junk);
      expect((await loadSdr(session, { cacheDir: dir, hostKey: key() })).source).toBe('bmc');
      expect((await loadSdr(session, { cacheDir: dir, hostKey: key() })).source).toBe('cache');
    }
  });

  it('keys entries by host: another BMC key does not see this one', async () => {
    expect((await loadSdr(session, { cacheDir: dir, hostKey: `${key()}-other` })).source).toBe('bmc');
  });
});
