// Get Channel Cipher Suites (IPMI v2.0 §22.15, NetFn App 0x06, cmd 0x54); notes specs/ipmi-lan.md §3.
// The record list comes in pages of at most 16 bytes (list index 0..0x3F); a record may straddle two
// pages, so pages are joined before any record is parsed. The list ends with a short page.
import type { Requester } from '../../client/requester';
import { IpmiError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';
import { assertChannel } from './user-ids';

export const GET_CHANNEL_CIPHER_SUITES: CommandSpec = {
  netFn: 0x06,
  cmd: 0x54,
  name: 'Get Channel Cipher Suites',
};

const PAGE_BYTES = 16;
const LAST_LIST_INDEX = 0x3f;
const STANDARD_RECORD = 0xc0;
const OEM_RECORD = 0xc1;

export type CipherPayload = 'ipmi' | 'sol';

/** One record, algorithm numbers as in specs/ipmi-lan.md §2.2 (e.g. integrity 1 = HMAC-SHA1-96). */
export interface CipherSuiteRecord {
  id: number;
  /** only for OEM (0xC1) records */
  iana: number | undefined;
  auth: number;
  /** a record may list several integrity/confidentiality algorithms, or none (= "none") */
  integrity: number[];
  confidentiality: number[];
}

export function encodeGetChannelCipherSuites(
  channel: number,
  payload: CipherPayload,
  listIndex: number,
): Uint8Array {
  assertChannel(channel);
  // byte 3 bit 7: list by cipher suite (not by algorithm)
  return Uint8Array.of(channel & 0x0f, payload === 'ipmi' ? 0 : 1, 0x80 | (listIndex & LAST_LIST_INDEX));
}

function malformed(host: string, why: string): IpmiError {
  return new IpmiError('protocol', `${host ? host + ': ' : ''}${GET_CHANNEL_CIPHER_SUITES.name}: ${why}`, {
    host: host || undefined,
    command: GET_CHANNEL_CIPHER_SUITES.name,
    netFn: GET_CHANNEL_CIPHER_SUITES.netFn,
    cmd: GET_CHANNEL_CIPHER_SUITES.cmd,
  });
}

/** Parses the joined record data of all pages. */
export function decodeCipherSuiteRecords(bytes: Uint8Array, host = ''): CipherSuiteRecord[] {
  const out: CipherSuiteRecord[] = [];
  let i = 0;
  while (i < bytes.length) {
    const start = bytes[i]!;
    if (start !== STANDARD_RECORD && start !== OEM_RECORD)
      throw malformed(host, `byte ${i} is 0x${start.toString(16)}, expected a record start (0xc0/0xc1)`);
    const headerLen = start === OEM_RECORD ? 5 : 2;
    if (i + headerLen + 1 > bytes.length) throw malformed(host, `record at byte ${i} is truncated`);
    const id = bytes[i + 1]!;
    const iana =
      start === OEM_RECORD ? bytes[i + 2]! | (bytes[i + 3]! << 8) | (bytes[i + 4]! << 16) : undefined;
    i += headerLen;
    // Algorithm bytes are tagged in bits 7:6 (00 auth, 01 integrity, 10 confidentiality); 11 starts the next record.
    let auth: number | undefined;
    const integrity: number[] = [];
    const confidentiality: number[] = [];
    while (i < bytes.length && bytes[i]! >> 6 !== 3) {
      const b = bytes[i]!;
      if (b >> 6 === 0) {
        if (auth !== undefined) throw malformed(host, `suite ${id} lists two authentication algorithms`);
        auth = b & 0x3f;
      } else if (b >> 6 === 1) integrity.push(b & 0x3f);
      else confidentiality.push(b & 0x3f);
      i++;
    }
    if (auth === undefined) throw malformed(host, `suite ${id} has no authentication algorithm`);
    out.push({ id, iana, auth, integrity, confidentiality });
  }
  return out;
}

export async function getChannelCipherSuites(
  r: Requester,
  channel: number,
  payload: CipherPayload,
): Promise<CipherSuiteRecord[]> {
  const pages: Uint8Array[] = [];
  for (let index = 0; index <= LAST_LIST_INDEX; index++) {
    const rsp = await call(
      r,
      GET_CHANNEL_CIPHER_SUITES,
      encodeGetChannelCipherSuites(channel, payload, index),
    );
    if (rsp.length < 1 || rsp.length > 1 + PAGE_BYTES)
      throw malformed(r.host, `page ${index} has ${rsp.length} bytes`);
    pages.push(rsp.subarray(1));
    if (rsp.length < 1 + PAGE_BYTES) break;
  }
  return decodeCipherSuiteRecords(Buffer.concat(pages), r.host);
}
