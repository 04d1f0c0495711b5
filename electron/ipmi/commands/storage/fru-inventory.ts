// FRU inventory device commands (IPMI v2.0 §34, NetFn Storage 0x0A): Get FRU Inventory Area Info 0x10,
// Read FRU Data 0x11, Write FRU Data 0x12.
import type { Requester } from '../../client/requester';
import { IpmiError, argumentError, completionCodeError } from '../../errors';
import {
  decodeFruInventory,
  fruImageExtent,
  type FruInventoryData,
} from '../../decode/fru/fru-inventory-data';

const NETFN_STORAGE = 0x0a;
const CMD_GET_FRU_INFO = 0x10;
const CMD_READ_FRU_DATA = 0x11;
const CMD_WRITE_FRU_DATA = 0x12;

export interface FruAreaInfo {
  /** bytes */
  size: number;
  /** offsets and counts in Read/Write FRU Data are in 16-bit words */
  wordAccess: boolean;
}

function checkFruId(id: number): void {
  if (!Number.isInteger(id) || id < 0 || id > 0xfe)
    throw argumentError(`FRU device ID must be 0-254, got ${id}`);
}

export function decodeFruAreaInfo(data: Uint8Array, host = ''): FruAreaInfo {
  if (data.length < 3)
    throw new IpmiError(
      'protocol',
      `Get FRU Inventory Area Info reply has ${data.length} bytes, expected 3`,
      {
        host,
        command: 'Get FRU Inventory Area Info',
      },
    );
  return { size: data[0]! | (data[1]! << 8), wordAccess: (data[2]! & 1) === 1 };
}

export async function getFruInventoryAreaInfo(r: Requester, id: number): Promise<FruAreaInfo> {
  checkFruId(id);
  const data = await r.request({ netFn: NETFN_STORAGE, cmd: CMD_GET_FRU_INFO, data: Uint8Array.of(id) });
  return decodeFruAreaInfo(data, r.host);
}

// Codes meaning "ask for less": request length invalid / field limit exceeded / cannot return that
// many bytes, and the unspecified 0xFF some BMCs answer instead (FreeIPMI backs off on it too).
const TOO_BIG = new Set([0xc7, 0xc8, 0xca, 0xff]);
const MIN_CHUNK = 8;

/** Reads FRU bytes with a shared, shrinking chunk size. Shared so a session learns the BMC's limit once. */
export class FruReader {
  /** bytes per Read FRU Data. 32 is what IPMB-sized BMCs (ipmi_sim among them: it refuses 48 with
   *  0xC8) accept; a failed try costs a round trip, so start there and back off rather than probe up. */
  chunk: number;
  /** requests sent, for benchmarks */
  requests = 0;

  constructor(
    private readonly r: Requester,
    chunk = 32,
  ) {
    this.chunk = chunk;
  }

  async read(id: number, info: FruAreaInfo, offset: number, length: number): Promise<Buffer> {
    checkFruId(id);
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0)
      throw argumentError(`bad FRU read range ${offset}+${length}`);
    // the request carries a word address: an odd byte offset has none, and rounding it down would
    // return data from the byte before the one asked for (every caller reads from even offsets)
    if (info.wordAccess && offset % 2 !== 0)
      throw argumentError(`FRU device ${id} is word-addressed: read offset ${offset} must be even`, {
        host: this.r.host,
        command: 'Read FRU Data',
      });
    const end = Math.min(offset + length, info.size);
    const parts: Buffer[] = [];
    let at = offset;
    while (at < end) {
      let want = Math.min(this.chunk, end - at);
      if (info.wordAccess) {
        // Word devices address in words; keep both ends even.
        want = Math.max(2, want & ~1);
      }
      const unit = info.wordAccess ? 2 : 1;
      const req = Uint8Array.of(id, (at / unit) & 0xff, (at / unit) >> 8, want / unit);
      this.requests++;
      const rsp = await this.r.raw({ netFn: NETFN_STORAGE, cmd: CMD_READ_FRU_DATA, data: req });
      if (rsp.completionCode !== 0) {
        if (TOO_BIG.has(rsp.completionCode) && this.chunk > MIN_CHUNK) {
          this.chunk = Math.max(MIN_CHUNK, this.chunk > 32 ? this.chunk - 32 : this.chunk - 4);
          continue;
        }
        throw completionCodeError(
          this.r.host,
          'Read FRU Data',
          NETFN_STORAGE,
          CMD_READ_FRU_DATA,
          rsp.completionCode,
        );
      }
      const count = (rsp.data[0] ?? 0) * unit;
      if (rsp.data.length < 1 || count > rsp.data.length - 1 || count > want)
        throw new IpmiError(
          'protocol',
          `Read FRU Data returned ${rsp.data.length - 1} bytes but claims ${count}`,
          {
            host: this.r.host,
            command: 'Read FRU Data',
          },
        );
      // A BMC that overstates the inventory size answers 0 bytes at its real end: keep what we have.
      if (count === 0) break;
      // A short reply is the BMC's real limit; ask for no more than that from now on.
      if (count < want) this.chunk = Math.max(MIN_CHUNK, count);
      parts.push(rsp.data.subarray(1, 1 + count));
      at += count;
    }
    return Buffer.concat(parts);
  }
}

export interface FruImage {
  info: FruAreaInfo;
  /** the leading bytes of the device: everything the header points to */
  bytes: Buffer;
}

/** Reads just enough of a FRU device to decode every area its header points to. */
export async function readFruImage(r: Requester, id: number, reader = new FruReader(r)): Promise<FruImage> {
  const info = await getFruInventoryAreaInfo(r, id);
  if (info.size < 1)
    throw new IpmiError('protocol', `Invalid FRU size ${info.size}`, {
      host: r.host,
      command: 'Get FRU Inventory Area Info',
    });
  let bytes = Buffer.alloc(0);
  for (;;) {
    const extent = fruImageExtent(bytes, info.size);
    // Read at least a whole chunk so the header read usually brings the areas with it.
    if (extent <= bytes.length) break;
    const want = Math.max(extent, Math.min(info.size, bytes.length + reader.chunk)) - bytes.length;
    const more = await reader.read(id, info, bytes.length, want);
    if (more.length === 0) break;
    bytes = Buffer.concat([bytes, more]);
  }
  return { info, bytes };
}

export async function readFruInventory(
  r: Requester,
  id: number,
  reader?: FruReader,
): Promise<FruInventoryData & FruImage> {
  const image = await readFruImage(r, id, reader);
  return { ...image, ...decodeFruInventory(image.bytes) };
}

/** Write FRU Data; returns the number of bytes the device says it wrote. */
export async function writeFruData(
  r: Requester,
  id: number,
  offset: number,
  bytes: Uint8Array,
): Promise<number> {
  checkFruId(id);
  if (!Number.isInteger(offset) || offset < 0 || offset > 0xffff)
    throw argumentError(`bad FRU offset ${offset}`);
  const info = await getFruInventoryAreaInfo(r, id);
  if (offset + bytes.length > info.size)
    throw argumentError(`FRU write ${offset}+${bytes.length} exceeds the device size ${info.size}`);
  const unit = info.wordAccess ? 2 : 1;
  if (info.wordAccess && (offset % 2 !== 0 || bytes.length % 2 !== 0))
    throw argumentError('this FRU device is word-addressed: offset and length must be even');
  let written = 0;
  // 16 bytes per request fits every BMC's request size limit.
  for (let at = 0; at < bytes.length; at += 16) {
    const part = bytes.subarray(at, at + 16);
    const addr = (offset + at) / unit;
    const data = await r.request({
      netFn: NETFN_STORAGE,
      cmd: CMD_WRITE_FRU_DATA,
      data: Uint8Array.from([id, addr & 0xff, addr >> 8, ...part]),
    });
    written += (data[0] ?? 0) * unit;
  }
  return written;
}
