// SEL device commands (IPMI v2.0 §31, NetFn Storage 0x0A).
import type { Requester } from '../../client/requester';
import { IpmiError, argumentError, completionCodeError } from '../../errors';
import { decodeSelRecord, SEL_RECORD_SIZE, type SelRecord } from '../../decode/sel-record';

const NETFN_STORAGE = 0x0a;
export const SEL_CMD = {
  getInfo: 0x40,
  getAllocationInfo: 0x41,
  reserve: 0x42,
  getEntry: 0x43,
  deleteEntry: 0x46,
  clear: 0x47,
  getTime: 0x48,
  setTime: 0x49,
} as const;

const CC_RESERVATION_CANCELLED = 0xc5;

export interface SelInfo {
  /** 0x51 = v1.5 (BCD, low nibble major) */
  version: number;
  entries: number;
  /** bytes; 0xFFFF means "65535 or more" */
  freeSpace: number;
  /** seconds since 1970, 0xFFFFFFFF or 0 when never */
  lastAddTime: number;
  lastEraseTime: number;
  overflow: boolean;
  supportsDelete: boolean;
  supportsPartialAdd: boolean;
  supportsReserve: boolean;
  supportsAllocationInfo: boolean;
  /** the raw operation-support byte */
  operations: number;
}

export interface SelAllocationInfo {
  allocationUnits: number;
  allocationUnitSize: number;
  freeUnits: number;
  largestFreeBlock: number;
  maxRecordSize: number;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (u16(b, at) | (u16(b, at + 2) << 16)) >>> 0;

function short(what: string, data: Uint8Array, need: number, host: string): void {
  if (data.length < need)
    throw new IpmiError('protocol', `${what} reply has ${data.length} bytes, expected ${need}`, {
      host,
      command: what,
    });
}

export function decodeSelInfo(data: Uint8Array, host = ''): SelInfo {
  short('Get SEL Info', data, 14, host);
  const ops = data[13]!;
  return {
    version: data[0]!,
    entries: u16(data, 1),
    freeSpace: u16(data, 3),
    lastAddTime: u32(data, 5),
    lastEraseTime: u32(data, 9),
    overflow: (ops & 0x80) !== 0,
    supportsDelete: (ops & 0x08) !== 0,
    supportsPartialAdd: (ops & 0x04) !== 0,
    supportsReserve: (ops & 0x02) !== 0,
    supportsAllocationInfo: (ops & 0x01) !== 0,
    operations: ops,
  };
}

export function decodeSelAllocationInfo(data: Uint8Array, host = ''): SelAllocationInfo {
  short('Get SEL Allocation Info', data, 9, host);
  return {
    allocationUnits: u16(data, 0),
    allocationUnitSize: u16(data, 2),
    freeUnits: u16(data, 4),
    largestFreeBlock: u16(data, 6),
    maxRecordSize: data[8]!,
  };
}

export async function getSelInfo(r: Requester): Promise<SelInfo> {
  return decodeSelInfo(await r.request({ netFn: NETFN_STORAGE, cmd: SEL_CMD.getInfo }), r.host);
}

export async function getSelAllocationInfo(r: Requester): Promise<SelAllocationInfo> {
  return decodeSelAllocationInfo(
    await r.request({ netFn: NETFN_STORAGE, cmd: SEL_CMD.getAllocationInfo }),
    r.host,
  );
}

export async function reserveSel(r: Requester): Promise<number> {
  const data = await r.request({ netFn: NETFN_STORAGE, cmd: SEL_CMD.reserve });
  short('Reserve SEL', data, 2, r.host);
  return u16(data, 0);
}

export interface SelEntry {
  nextId: number;
  record: SelRecord;
  /** the 16 record bytes as read */
  bytes: Buffer;
}

export function decodeGetSelEntry(data: Uint8Array, host = ''): SelEntry {
  short('Get SEL Entry', data, 2 + SEL_RECORD_SIZE, host);
  const bytes = Buffer.from(data.subarray(2, 2 + SEL_RECORD_SIZE));
  return { nextId: u16(data, 0), record: decodeSelRecord(bytes), bytes };
}

function checkId(id: number, what: string): void {
  if (!Number.isInteger(id) || id < 0 || id > 0xffff)
    throw argumentError(`${what} must be 0-65535, got ${id}`);
}

const le16 = (n: number) => [n & 0xff, n >> 8];

/** Get SEL Entry for a whole record (0x0000 = first, 0xFFFF = last). Whole-record reads need no
 *  reservation, so like ipmitool we send 0 and only reserve if the BMC insists (CC 0xC5). */
export async function getSelEntry(r: Requester, id: number, reservation = 0): Promise<SelEntry> {
  checkId(id, 'SEL record ID');
  const send = (res: number) =>
    r.raw({
      netFn: NETFN_STORAGE,
      cmd: SEL_CMD.getEntry,
      data: Uint8Array.from([...le16(res), ...le16(id), 0, 0xff]),
    });
  let rsp = await send(reservation);
  for (let tries = 0; rsp.completionCode === CC_RESERVATION_CANCELLED && tries < 4; tries++)
    rsp = await send(await reserveSel(r));
  if (rsp.completionCode !== 0)
    throw completionCodeError(r.host, 'Get SEL Entry', NETFN_STORAGE, SEL_CMD.getEntry, rsp.completionCode);
  return decodeGetSelEntry(rsp.data, r.host);
}

export interface ReadSelOptions {
  /** the first N records only (> 0); the walk stops after the Nth */
  first?: number;
  /** the last N records only (> 0): the SEL links forwards only, so the records before them are read
   *  and skipped (onRecord is not called for those) */
  last?: number;
  /** the SEL's entry count for `last`, when the caller already has it from Get SEL Info */
  entries?: number;
  /** start the walk at this record ID instead of the first record (a page cursor: a previous walk's
   *  `nextId`); 0xFFFF reads nothing */
  startId?: number;
  /** called before each Get SEL Entry with the record ID asked for (also for skipped records) */
  onFetch?: (id: number) => void;
  /** called with each kept record in order; a returned promise is awaited before the next request */
  onRecord?: (e: SelEntry, index: number) => void | Promise<void>;
  signal?: AbortSignal;
}

/** With a signal: every request of the walk carries it, so cancelling stops the request in flight. */
function withSignal(r: Requester, signal: AbortSignal | undefined): Requester {
  if (!signal) return r;
  return {
    host: r.host,
    request: (req, o) => r.request(req, { signal, ...o }),
    raw: (req, o) => r.raw(req, { signal, ...o }),
  };
}

function checkCount(n: number | undefined, what: string): void {
  if (n !== undefined && (!Number.isInteger(n) || n < 1))
    throw argumentError(`SEL ${what} must be a whole number of records above 0, got ${n}`);
}

/** The one SEL walk: records oldest first, following next-record IDs until 0xFFFF, all of them or the
 *  first/last N (ipmitool's `sel list first|last N`). The walk is sequential by nature: each reply
 *  names the next record. */
export async function readSel(rq: Requester, opts: ReadSelOptions = {}): Promise<SelEntry[]> {
  checkCount(opts.first, 'first');
  checkCount(opts.last, 'last');
  if (opts.first !== undefined && opts.last !== undefined)
    throw argumentError('SEL read takes first or last, not both');
  if (opts.startId !== undefined) checkId(opts.startId, 'SEL start record ID');
  const r = withSignal(rq, opts.signal);
  let skip = 0;
  if (opts.last !== undefined) {
    const entries = opts.entries ?? (await getSelInfo(r)).entries;
    skip = Math.max(0, entries - opts.last);
  }
  const out: SelEntry[] = [];
  const seen = new Set<number>();
  let id = opts.startId ?? 0;
  while (id !== 0xffff) {
    // A BMC that links a record to itself (or to an earlier one) would loop forever.
    if (seen.has(id))
      throw new IpmiError('protocol', `SEL next-record chain loops at 0x${id.toString(16)}`, {
        host: r.host,
        command: 'Get SEL Entry',
        netFn: NETFN_STORAGE,
        cmd: SEL_CMD.getEntry,
      });
    seen.add(id);
    opts.onFetch?.(id);
    let entry: SelEntry;
    try {
      entry = await getSelEntry(r, id);
    } catch (e) {
      // An empty SEL answers the first Get SEL Entry with "record not present" (0xCB).
      if (id === 0 && seen.size === 1 && e instanceof IpmiError && e.completionCode === 0xcb) return out;
      throw e;
    }
    id = entry.nextId;
    if (skip > 0) {
      skip--;
      continue;
    }
    out.push(entry);
    await opts.onRecord?.(entry, out.length - 1);
    if (out.length === opts.first) break;
  }
  return out;
}

export async function deleteSelEntry(r: Requester, id: number, reservation?: number): Promise<number> {
  checkId(id, 'SEL record ID');
  const res = reservation ?? (await reserveSel(r));
  const data = await r.request({
    netFn: NETFN_STORAGE,
    cmd: SEL_CMD.deleteEntry,
    data: Uint8Array.from([...le16(res), ...le16(id)]),
  });
  short('Delete SEL Entry', data, 2, r.host);
  return u16(data, 0);
}

const CLR = [0x43, 0x4c, 0x52];
export const CLEAR_INITIATE = 0xaa;
export const CLEAR_GET_STATUS = 0x00;

/** Clear SEL: reserve, initiate with 'CLR' 0xAA, then poll with 0x00 until the erase completes. */
export async function clearSel(
  r: Requester,
  opts: { pollIntervalMs?: number; timeoutMs?: number; reservation?: number } = {},
): Promise<void> {
  const res = opts.reservation ?? (await reserveSel(r));
  const send = async (op: number) => {
    const data = await r.request({
      netFn: NETFN_STORAGE,
      cmd: SEL_CMD.clear,
      data: Uint8Array.from([...le16(res), ...CLR, op]),
    });
    short('Clear SEL', data, 1, r.host);
    return data[0]! & 0x0f;
  };
  let progress = await send(CLEAR_INITIATE);
  const deadline = Date.now() + (opts.timeoutMs ?? 10_000);
  while (progress !== 1) {
    if (Date.now() > deadline)
      throw new IpmiError('timeout', 'SEL erase did not complete', { host: r.host, command: 'Clear SEL' });
    await new Promise((done) => setTimeout(done, opts.pollIntervalMs ?? 100));
    progress = await send(CLEAR_GET_STATUS);
  }
}

export async function getSelTime(r: Requester): Promise<number> {
  const data = await r.request({ netFn: NETFN_STORAGE, cmd: SEL_CMD.getTime });
  short('Get SEL Time', data, 4, r.host);
  return u32(data, 0);
}

/** Sets the SEL clock; `seconds` since 1970-01-01 UTC. */
export async function setSelTime(r: Requester, seconds: number): Promise<void> {
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff)
    throw argumentError(`SEL time must be 0-4294967295 seconds, got ${seconds}`);
  const b = Buffer.alloc(4);
  b.writeUInt32LE(seconds);
  await r.request({ netFn: NETFN_STORAGE, cmd: SEL_CMD.setTime, data: b });
}
