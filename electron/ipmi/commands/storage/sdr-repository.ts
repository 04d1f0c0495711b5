// SDR repository (NetFn Storage 0x0A; IPMI v2.0 §33): Get SDR Repository Info 0x20, Reserve SDR
// Repository 0x22, Get SDR 0x23, and a walk of the whole repository that survives what real BMCs do:
// replies capped below what was asked for (0xCA, 0xFF, short data), reservations cancelled under us
// (0xC5), a repository changed during the walk (timestamps differ before and after: start again),
// and Dell's 0xC3 instead of a clean end on the last record.
import { IpmiError } from '../../errors';
import type { Requester, RequestOptions } from '../../client/requester';
import { decodeSdrRecord, type SdrRecord } from '../../decode/sdr/sdr-record';
import { decodeSdrHeader, SDR_HEADER_LENGTH, type SdrHeader } from '../../decode/sdr/record-header';
import { rawRecord } from '../../decode/sdr/other-records';

export const NETFN_STORAGE = 0x0a;
export const CMD_GET_SDR_REPOSITORY_INFO = 0x20;
export const CMD_RESERVE_SDR_REPOSITORY = 0x22;
export const CMD_GET_SDR = 0x23;

const LAST_RECORD_ID = 0xffff;

export interface SdrRepositoryInfo {
  /** 0x51 = IPMI 1.5/2.0 format */
  version: number;
  recordCount: number;
  /** bytes free; 0xFFFE "> 64Kb - 2 bytes", 0xFFFF unspecified */
  freeSpace: number;
  mostRecentAddition: number;
  mostRecentErase: number;
  overflow: boolean;
  /** 0 unspecified, 1 non-modal, 2 modal, 3 both */
  updateSupport: number;
  deleteSupported: boolean;
  partialAddSupported: boolean;
  reserveSupported: boolean;
  allocInfoSupported: boolean;
}

export function decodeSdrRepositoryInfo(d: Uint8Array): SdrRepositoryInfo {
  if (d.length < 14)
    throw new IpmiError('protocol', `Get SDR Repository Info reply truncated: ${d.length} of 14 bytes`);
  const u32 = (i: number) => (d[i]! | (d[i + 1]! << 8) | (d[i + 2]! << 16) | (d[i + 3]! << 24)) >>> 0;
  const op = d[13]!;
  return {
    version: d[0]!,
    recordCount: d[1]! | (d[2]! << 8),
    freeSpace: d[3]! | (d[4]! << 8),
    mostRecentAddition: u32(5),
    mostRecentErase: u32(9),
    overflow: (op & 0x80) !== 0,
    updateSupport: (op >> 5) & 0x03,
    deleteSupported: (op & 0x08) !== 0,
    partialAddSupported: (op & 0x04) !== 0,
    reserveSupported: (op & 0x02) !== 0,
    allocInfoSupported: (op & 0x01) !== 0,
  };
}

export async function getSdrRepositoryInfo(r: Requester, opts?: RequestOptions): Promise<SdrRepositoryInfo> {
  return decodeSdrRepositoryInfo(
    await r.request({ netFn: NETFN_STORAGE, cmd: CMD_GET_SDR_REPOSITORY_INFO }, opts),
  );
}

/** Whether two info replies describe the same repository contents (FreeIPMI's cache rule, plus the count). */
export function sameRepository(a: SdrRepositoryInfo, b: SdrRepositoryInfo): boolean {
  return (
    a.version === b.version &&
    a.recordCount === b.recordCount &&
    a.mostRecentAddition === b.mostRecentAddition &&
    a.mostRecentErase === b.mostRecentErase
  );
}

export async function reserveSdrRepository(r: Requester, opts?: RequestOptions): Promise<number> {
  const d = await r.request({ netFn: NETFN_STORAGE, cmd: CMD_RESERVE_SDR_REPOSITORY }, opts);
  if (d.length < 2)
    throw new IpmiError('protocol', `Reserve SDR Repository reply truncated: ${d.length} of 2 bytes`);
  return d[0]! | (d[1]! << 8);
}

export function encodeGetSdr(
  reservation: number,
  recordId: number,
  offset: number,
  count: number,
): Uint8Array {
  return Uint8Array.of(reservation & 0xff, reservation >> 8, recordId & 0xff, recordId >> 8, offset, count);
}

export interface ReadSdrOptions extends RequestOptions {
  /** first body chunk size tried (bytes); shrinks on 0xCA/0xFF/short replies. Default 64. */
  chunkSize?: number;
  /** called after each record with (records read, records announced by the repository info) */
  onProgress?: (done: number, total: number) => void;
  /** walks restarted because the repository changed, before giving up; default 3 */
  maxRestarts?: number;
  /** repository info already fetched by the caller (saves one round trip) */
  info?: SdrRepositoryInfo;
}

export interface SdrRepositoryContents {
  info: SdrRepositoryInfo;
  /** complete records as Get SDR returned them, header included, in repository order */
  raw: Uint8Array[];
  records: SdrRecord[];
}

const MIN_CHUNK = 1;
const MAX_RESERVATION_RETRIES = 5;
const CC_RESERVATION_CANCELLED = 0xc5;
const CC_CANNOT_RETURN_BYTES = 0xca;
const CC_UNSPECIFIED = 0xff;
const CC_TIMEOUT = 0xc3;
const CC_NOT_PRESENT = 0xcb;

/** Decodes a record; one we cannot parse is kept as raw bytes rather than failing the listing. */
export function decodeOrRaw(bytes: Uint8Array): SdrRecord {
  try {
    return decodeSdrRecord(bytes);
  } catch (e) {
    if (e instanceof IpmiError && bytes.length >= SDR_HEADER_LENGTH) return rawRecord(bytes);
    throw e;
  }
}

/** Shared state of one walk: the reservation (renewed when cancelled) and the learned chunk size. */
class Walk {
  reservation = 0;
  private renewing: Promise<void> | undefined;
  chunk: number;

  constructor(
    private readonly r: Requester,
    private readonly opts: ReadSdrOptions,
    private readonly reserveSupported: boolean,
  ) {
    this.chunk = Math.max(MIN_CHUNK, Math.min(opts.chunkSize ?? 64, 0xfe));
  }

  private req(): RequestOptions {
    const { signal, timeoutMs, retries } = this.opts;
    return {
      ...(signal && { signal }),
      ...(timeoutMs !== undefined && { timeoutMs }),
      ...(retries !== undefined && { retries }),
    };
  }

  async reserve(): Promise<void> {
    try {
      this.reservation = await reserveSdrRepository(this.r, this.req());
    } catch (e) {
      // BMCs without reservations accept Get SDR with reservation 0 for whole-record reads
      if (e instanceof IpmiError && e.kind === 'completion-code' && !this.reserveSupported)
        this.reservation = 0;
      else throw e;
    }
  }

  /** Renews the reservation once even if several requests saw it cancelled at the same time. */
  private async renew(seen: number): Promise<void> {
    if (this.reservation !== seen) return;
    this.renewing ??= this.reserve().finally(() => (this.renewing = undefined));
    await this.renewing;
  }

  /** One Get SDR; resolves with the completion code and data so callers decide what is fatal. */
  async get(recordId: number, offset: number, count: number): Promise<{ cc: number; data: Uint8Array }> {
    for (let tries = 0; ; tries++) {
      const reservation = this.reservation;
      const rsp = await this.r.raw(
        { netFn: NETFN_STORAGE, cmd: CMD_GET_SDR, data: encodeGetSdr(reservation, recordId, offset, count) },
        this.req(),
      );
      if (rsp.completionCode === CC_RESERVATION_CANCELLED && tries < MAX_RESERVATION_RETRIES) {
        await this.renew(reservation);
        continue;
      }
      return { cc: rsp.completionCode, data: rsp.data };
    }
  }
}

function ccError(r: Requester, cc: number): IpmiError {
  return new IpmiError(
    'completion-code',
    `${r.host}: Get SDR failed (completion code 0x${cc.toString(16).padStart(2, '0')})`,
    {
      host: r.host,
      command: 'Get SDR',
      completionCode: cc,
      netFn: NETFN_STORAGE,
      cmd: CMD_GET_SDR,
    },
  );
}

interface HeaderRead {
  id: number;
  next: number;
  header: Uint8Array;
}

async function readHeader(
  r: Requester,
  w: Walk,
  id: number,
  recordsSoFar: number,
  expected: number,
): Promise<HeaderRead | 'end'> {
  const { cc, data } = await w.get(id, 0, SDR_HEADER_LENGTH);
  // Dell: 0xC3 instead of data when asked past the last record it announced
  if (cc === CC_TIMEOUT && recordsSoFar >= expected && recordsSoFar > 0) return 'end';
  // An empty repository (Repository Info says 0 records) answers its first record with "not present"
  // (ipmi_sim, pyghmi): that is the end of an empty list, not an error. With records announced, 0xCB
  // stays an error: a record is missing.
  if (cc === CC_NOT_PRESENT && recordsSoFar === 0 && expected === 0) return 'end';
  if (cc !== 0) throw ccError(r, cc);
  if (data.length < 2 + SDR_HEADER_LENGTH) {
    throw new IpmiError(
      'protocol',
      `${r.host}: Get SDR header of record 0x${id.toString(16)} truncated (${data.length} bytes)`,
      { host: r.host, command: 'Get SDR' },
    );
  }
  return { id, next: data[0]! | (data[1]! << 8), header: data.slice(2, 2 + SDR_HEADER_LENGTH) };
}

/** Get SDR's offset field is one byte: the last byte of a readable record sits at offset 0xFF at most. */
const MAX_SDR_OFFSET = 0xff;

async function readBody(r: Requester, w: Walk, id: number, header: SdrHeader): Promise<Uint8Array> {
  const { length } = header;
  // the header's length byte allows records up to 260 bytes, but bytes past offset 255 cannot be
  // addressed; asking for them would wrap the offset and splice the record's start into its tail
  if (SDR_HEADER_LENGTH + length - 1 > MAX_SDR_OFFSET) {
    throw new IpmiError(
      'protocol',
      `${r.host}: Get SDR: record 0x${header.recordId.toString(16)} declares ${SDR_HEADER_LENGTH + length} bytes, ` +
        `more than the one-byte offset can address (${MAX_SDR_OFFSET + 1})`,
      { host: r.host, command: 'Get SDR', netFn: NETFN_STORAGE, cmd: CMD_GET_SDR },
    );
  }
  const body = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const want = Math.min(w.chunk, length - done);
    let got: { cc: number; data: Uint8Array };
    try {
      got = await w.get(id, SDR_HEADER_LENGTH + done, want);
    } catch (e) {
      // ipmitool shrinks on silence too: some BMCs drop replies that would not fit
      if (e instanceof IpmiError && e.kind === 'timeout' && w.chunk > 16) {
        w.chunk = 16;
        continue;
      }
      throw e;
    }
    const bytes = got.cc === 0 ? got.data.subarray(2) : undefined;
    if (got.cc === CC_CANNOT_RETURN_BYTES || got.cc === CC_UNSPECIFIED || (bytes && bytes.length === 0)) {
      if (want <= MIN_CHUNK) throw ccError(r, got.cc === 0 ? CC_CANNOT_RETURN_BYTES : got.cc);
      w.chunk = Math.max(MIN_CHUNK, want > 8 ? want - 4 : want - 1);
      continue;
    }
    if (got.cc !== 0 || !bytes) throw ccError(r, got.cc);
    const n = Math.min(bytes.length, length - done);
    body.set(bytes.subarray(0, n), done);
    done += n;
    // a BMC that answers with less than asked tells us its limit
    if (n < want) w.chunk = Math.max(MIN_CHUNK, n);
  }
  return body;
}

/** Reads every record once, pipelining the next header with the current body. */
async function walkOnce(
  r: Requester,
  w: Walk,
  info: SdrRepositoryInfo,
  onProgress?: (done: number, total: number) => void,
): Promise<Uint8Array[]> {
  await w.reserve();
  const out: Uint8Array[] = [];
  const seen = new Set<number>();
  let pending: Promise<HeaderRead | 'end'> = readHeader(r, w, 0, 0, info.recordCount);
  for (;;) {
    const h = await pending;
    if (h === 'end') break;
    if (seen.has(h.id))
      throw new IpmiError(
        'protocol',
        `${r.host}: SDR record 0x${h.id.toString(16)} links back into the list`,
        { host: r.host, command: 'Get SDR' },
      );
    seen.add(h.id);
    const last = h.next === LAST_RECORD_ID || h.next === h.id;
    if (!last) {
      pending = readHeader(r, w, h.next, out.length + 1, info.recordCount);
      pending.catch(() => undefined); // observed below; keeps an early failure from being "unhandled"
    }
    const header = decodeSdrHeader(h.header);
    const { length } = header;
    const body = await readBody(r, w, h.id, header);
    const record = new Uint8Array(SDR_HEADER_LENGTH + length);
    record.set(h.header);
    record.set(body, SDR_HEADER_LENGTH);
    out.push(record);
    onProgress?.(out.length, info.recordCount);
    if (last) break;
  }
  return out;
}

/**
 * Reads the whole repository. Repository info is checked before and after; if a record was added
 * or erased in between, the walk starts again.
 */
export async function readSdrRepository(
  r: Requester,
  opts: ReadSdrOptions = {},
): Promise<SdrRepositoryContents> {
  const reqOpts: RequestOptions = { ...(opts.signal && { signal: opts.signal }) };
  let before = opts.info ?? (await getSdrRepositoryInfo(r, reqOpts));
  const maxRestarts = opts.maxRestarts ?? 3;
  for (let attempt = 0; ; attempt++) {
    const w = new Walk(r, opts, before.reserveSupported);
    const raw = await walkOnce(r, w, before, opts.onProgress);
    const after = await getSdrRepositoryInfo(r, reqOpts);
    if (sameRepository(before, after)) return { info: after, raw, records: raw.map(decodeOrRaw) };
    if (attempt >= maxRestarts) {
      throw new IpmiError(
        'protocol',
        `${r.host}: SDR repository kept changing while it was read (${attempt + 1} attempts)`,
        { host: r.host, command: 'Get SDR' },
      );
    }
    before = after;
  }
}
