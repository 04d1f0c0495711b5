// On-disk SDR cache. Reading a BMC's SDR costs two or three round trips per record; the repository
// rarely changes. A cache entry per BMC (host and port) holds the BMC's identity (Get Device ID
// manufacturer/product/firmware and, if the BMC has one, its GUID) and the repository's version,
// record count and most-recent addition/erase timestamps (FreeIPMI's validity rule). A warm load
// costs one Get SDR Repository Info; any difference, a corrupt or foreign file, or an unreadable
// directory means a cold read that rewrites the entry. Plain Node: the directory is injected.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import {
  decodeOrRaw,
  getSdrRepositoryInfo,
  readSdrRepository,
  sameRepository,
  type ReadSdrOptions,
  type SdrRepositoryInfo,
} from '../ipmi/commands/storage/sdr-repository';
import type { SdrRecord } from '../ipmi/decode/sdr/sdr-record';

const FORMAT = 1;

export interface BmcIdentity {
  manufacturerId: number;
  productId: number;
  firmware: string;
  guid?: string;
}

interface CacheFile {
  format: number;
  host: string;
  identity: BmcIdentity;
  info: { version: number; recordCount: number; mostRecentAddition: number; mostRecentErase: number };
  records: string[];
}

export interface LoadSdrOptions extends ReadSdrOptions {
  /** cache directory; undefined disables the cache */
  cacheDir?: string | undefined;
  /** the key's host part as the user named the BMC, port included when not 623 */
  hostKey?: string;
  /** read the repository from the BMC whatever the cache holds (the entry is still rewritten) */
  refresh?: boolean | undefined;
}

export interface LoadedSdr {
  info: SdrRepositoryInfo;
  records: SdrRecord[];
  raw: Uint8Array[];
  source: 'cache' | 'bmc';
}

/** Get Device ID (App 0x06 cmd 0x01) fields that identify the BMC model and firmware. */
export async function getBmcIdentity(r: Requester, opts?: RequestOptions): Promise<BmcIdentity> {
  const [dev, guid] = await Promise.all([
    r.request({ netFn: 0x06, cmd: 0x01 }, opts),
    // Get Device GUID (App 0x37) is optional; BMCs without it answer 0xC1
    r.raw({ netFn: 0x06, cmd: 0x37 }, opts).catch(() => undefined),
  ]);
  const identity: BmcIdentity = {
    manufacturerId: dev.length >= 9 ? dev[6]! | (dev[7]! << 8) | (dev[8]! << 16) : 0,
    productId: dev.length >= 11 ? dev[9]! | (dev[10]! << 8) : 0,
    firmware: dev.length >= 4 ? `${dev[2]! & 0x7f}.${dev[3]!.toString(16).padStart(2, '0')}` : '',
  };
  if (guid && guid.completionCode === 0 && guid.data.length >= 16)
    identity.guid = guid.data.subarray(0, 16).toString('hex');
  return identity;
}

export function cacheFileName(hostKey: string): string {
  return `sdr-${createHash('sha256').update(hostKey).digest('hex').slice(0, 32)}.json`;
}

function isCacheFile(x: unknown, hostKey: string): x is CacheFile {
  if (typeof x !== 'object' || x === null) return false;
  const f = x as Partial<CacheFile>;
  const num = (v: unknown) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
  return (
    f.format === FORMAT &&
    f.host === hostKey &&
    typeof f.identity === 'object' &&
    f.identity !== null &&
    num(f.identity.manufacturerId) &&
    num(f.identity.productId) &&
    typeof f.identity.firmware === 'string' &&
    typeof f.info === 'object' &&
    f.info !== null &&
    num(f.info.version) &&
    num(f.info.recordCount) &&
    num(f.info.mostRecentAddition) &&
    num(f.info.mostRecentErase) &&
    Array.isArray(f.records) &&
    f.records.every((h) => typeof h === 'string' && /^([0-9a-f]{2}){5,}$/.test(h))
  );
}

async function readCache(path: string, hostKey: string): Promise<CacheFile | undefined> {
  try {
    const parsed: unknown = JSON.parse(await readFile(path, 'utf8'));
    return isCacheFile(parsed, hostKey) ? parsed : undefined;
  } catch {
    return undefined; // missing, unreadable or corrupt: rebuild
  }
}

async function writeCache(dir: string, path: string, file: CacheFile): Promise<void> {
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, JSON.stringify(file), { mode: 0o600 });
    await rename(tmp, path); // atomic: a concurrent reader sees the old or the new file, never half
  } catch {
    // a cache that cannot be written only costs speed next time
  }
}

function sameInfo(a: CacheFile['info'], b: SdrRepositoryInfo): boolean {
  return sameRepository({ ...b, ...a }, b);
}

/**
 * The SDR of the BMC behind `r`, from the cache when it is still valid. A warm load sends exactly
 * one request (Get SDR Repository Info).
 */
export async function loadSdr(r: Requester, opts: LoadSdrOptions = {}): Promise<LoadedSdr> {
  const reqOpts: RequestOptions = { ...(opts.signal && { signal: opts.signal }) };
  const hostKey = opts.hostKey ?? r.host;
  const dir = opts.cacheDir;
  const path = dir === undefined ? undefined : join(dir, cacheFileName(hostKey));
  const [info, cached] = await Promise.all([
    getSdrRepositoryInfo(r, reqOpts),
    path === undefined || opts.refresh ? Promise.resolve(undefined) : readCache(path, hostKey),
  ]);
  if (cached && sameInfo(cached.info, info)) {
    try {
      const raw = cached.records.map((h) => new Uint8Array(Buffer.from(h, 'hex')));
      return { info, raw, records: raw.map(decodeOrRaw), source: 'cache' };
    } catch {
      // a record that no longer decodes: fall through to a fresh read
    }
  }
  const [contents, identity] = await Promise.all([
    readSdrRepository(r, { ...opts, info }),
    dir === undefined ? Promise.resolve(undefined) : getBmcIdentity(r, reqOpts).catch(() => undefined),
  ]);
  if (dir !== undefined && path !== undefined && identity) {
    const { version, recordCount, mostRecentAddition, mostRecentErase } = contents.info;
    await writeCache(dir, path, {
      format: FORMAT,
      host: hostKey,
      identity,
      info: { version, recordCount, mostRecentAddition, mostRecentErase },
      records: contents.raw.map((b) => Buffer.from(b).toString('hex')),
    });
  }
  return { ...contents, source: 'bmc' };
}

export interface SdrCacheLoadOptions {
  signal?: AbortSignal | undefined;
  /** records read so far of the repository's count (cold reads only) */
  onProgress?: ((done: number, total: number) => void) | undefined;
  /** read the repository from the BMC even if the cached copy is current */
  refresh?: boolean | undefined;
}

/**
 * The app's SDR cache (one per app instance, in AppServices): the on-disk entries of `loadSdr` in the
 * app's own directory, plus the decoded records of each host in memory so a warm load neither reads
 * nor decodes the file. Every load still asks the BMC for its repository info (one request) and reads
 * the repository again when it changed. Keyed by host id and address, so editing a host's address does
 * not reuse another BMC's records. Used by sensors.list and (read-only) by the SEL views.
 */
export class SdrCache {
  readonly #memory = new Map<string, LoadedSdr>();

  constructor(private readonly dir: string | undefined) {}

  static key(host: { id: string; address: string; port: number }): string {
    return `app:${host.id}@${host.address}:${host.port}`;
  }

  async load(r: Requester, key: string, opts: SdrCacheLoadOptions = {}): Promise<LoadedSdr> {
    const reqOpts: RequestOptions = { ...(opts.signal && { signal: opts.signal }) };
    const held = opts.refresh ? undefined : this.#memory.get(key);
    if (held) {
      const info = await getSdrRepositoryInfo(r, reqOpts);
      if (sameRepository(held.info, info)) return { ...held, info, source: 'cache' };
      this.#memory.delete(key);
    }
    const loaded = await loadSdr(r, {
      ...reqOpts,
      ...(opts.onProgress && { onProgress: opts.onProgress }),
      hostKey: key,
      cacheDir: this.dir,
      refresh: opts.refresh,
    });
    this.#memory.set(key, loaded);
    return loaded;
  }

  /**
   * Forgets a host that was removed or re-pointed: its records in memory and its file, so neither a
   * removed host's SDR stays on disk nor memory grows with every host ever added.
   */
  async forget(host: { id: string; address: string; port: number }): Promise<void> {
    const key = SdrCache.key(host);
    this.#memory.delete(key);
    if (this.dir !== undefined) await rm(join(this.dir, cacheFileName(key)), { force: true });
  }

  /** hosts whose records are held in memory (for tests and diagnostics) */
  get size(): number {
    return this.#memory.size;
  }
}
