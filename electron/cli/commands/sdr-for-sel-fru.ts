// The SDR records `sel elist` and `fru print` need (sensor names and factors, FRU device locators).
import type { Requester } from '../../ipmi/client/requester';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { readSdrRepository } from '../../ipmi/commands/storage/sdr-repository';

export async function readSdrRecords(r: Requester): Promise<SdrRecord[]> {
  return (await readSdrRepository(r)).records;
}
