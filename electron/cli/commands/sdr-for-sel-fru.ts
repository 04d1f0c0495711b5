// The SDR records `sel elist` and `fru print` need (sensor names and factors, FRU device locators).
// Reads the repository with Reserve SDR Repository + Get SDR in 16-byte pieces, re-reserving when the
// BMC cancels the reservation. TODO(sdr): use readSdrRepository() from commands/storage once it lands.
import type { Requester } from '../../ipmi/client/requester';
import { IpmiError, completionCodeError } from '../../ipmi/errors';
import { decodeSdrRecord, type SdrRecord } from '../../ipmi/decode/sdr/sdr-record';

const NETFN_STORAGE = 0x0a;
const RESERVE_SDR = 0x22;
const GET_SDR = 0x23;
const PIECE = 16;

export async function readSdrRecords(r: Requester): Promise<SdrRecord[]> {
  let reservation = (await r.request({ netFn: NETFN_STORAGE, cmd: RESERVE_SDR })).readUInt16LE(0);
  const get = async (id: number, offset: number, count: number) => {
    for (let tries = 0; ; tries++) {
      const rsp = await r.raw({
        netFn: NETFN_STORAGE,
        cmd: GET_SDR,
        data: Uint8Array.of(reservation & 0xff, reservation >> 8, id & 0xff, id >> 8, offset, count),
      });
      if (rsp.completionCode === 0xc5 && tries < 4) {
        reservation = (await r.request({ netFn: NETFN_STORAGE, cmd: RESERVE_SDR })).readUInt16LE(0);
        continue;
      }
      if (rsp.completionCode !== 0)
        throw completionCodeError(r.host, 'Get SDR', NETFN_STORAGE, GET_SDR, rsp.completionCode);
      if (rsp.data.length < 2 + count)
        throw new IpmiError('protocol', 'Get SDR reply too short', { host: r.host, command: 'Get SDR' });
      return { next: rsp.data.readUInt16LE(0), bytes: rsp.data.subarray(2, 2 + count) };
    }
  };
  const records: SdrRecord[] = [];
  const seen = new Set<number>();
  let id = 0;
  while (id !== 0xffff && !seen.has(id)) {
    seen.add(id);
    const head = await get(id, 0, 5);
    const length = head.bytes[4]!;
    const parts = [head.bytes];
    for (let at = 5; at < 5 + length; at += PIECE)
      parts.push((await get(id, at, Math.min(PIECE, 5 + length - at))).bytes);
    try {
      records.push(decodeSdrRecord(Buffer.concat(parts)));
    } catch (e) {
      if (!(e instanceof IpmiError)) throw e; // a record we cannot decode is skipped, as ipmitool does
    }
    id = head.next;
  }
  return records;
}
