import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IpmiError, completionCodeError } from '../../errors';
import type { IpmiRequest, IpmiResponse, Requester } from '../../client/requester';
import { decodeSdrRepositoryInfo, readSdrRepository } from './sdr-repository';

const hex = (s: string) => Buffer.from(s, 'hex');
// LAB records (ipmi-lan.md §11.8): CPU Temp (full), PSU1 Status (compact), BMC (MC locator)
const RECORDS = [
  hex(
    '010051013320001007017f680101950a950a3f3f0001000001000000000000000000ff005f5a5000050a0000000000c84350552054656d70',
  ),
  hex('07005102262000200a016740086f030003000300c000000000000000000000cb5053553120537461747573'),
  hex('0a0051120e200000bf000000070100c3424d43'),
];
// LAB Get SDR Repository Info reply (§11.8), record count patched per test
const INFO = hex('510a00feff fd140000 00000000 02'.replace(/ /g, ''));

interface FakeOptions {
  maxRead?: number;
  cancelOnce?: boolean;
  changeAfterWalk?: number;
  lastCc?: number;
  records?: Buffer[];
}

/** A repository behind a Requester: answers Reserve/Get SDR/Info from RECORDS with chosen quirks. */
function fakeBmc(opts: FakeOptions = {}) {
  const records = opts.records ?? RECORDS;
  const log: string[] = [];
  let reservation = 0x1234;
  let cancelled = false;
  let infoCalls = 0;
  const ids = records.map((r) => r.readUInt16LE(0));
  const reply = (completionCode: number, data: Buffer = Buffer.alloc(0)): IpmiResponse => ({
    completionCode,
    data,
  });
  const raw = async (req: IpmiRequest): Promise<IpmiResponse> => {
    const d = Buffer.from(req.data ?? []);
    if (req.cmd === 0x20) {
      infoCalls++;
      const info = Buffer.from(INFO);
      info.writeUInt16LE(records.length, 1);
      if (opts.changeAfterWalk !== undefined && infoCalls > 1 && infoCalls <= 1 + opts.changeAfterWalk)
        info.writeUInt32LE(0x5000 + infoCalls, 5);
      if (opts.changeAfterWalk !== undefined && infoCalls > 1 + opts.changeAfterWalk)
        info.writeUInt32LE(0x5000 + 1 + opts.changeAfterWalk, 5);
      log.push('info');
      return reply(0, info);
    }
    if (req.cmd === 0x22) {
      reservation++;
      log.push('reserve');
      return reply(0, Buffer.from([reservation & 0xff, reservation >> 8]));
    }
    const [res, id, offset, count] = [d.readUInt16LE(0), d.readUInt16LE(2), d[4]!, d[5]!];
    log.push(`get ${id.toString(16)} @${offset}+${count}`);
    if (res !== reservation) return reply(0xc5);
    if (opts.cancelOnce && !cancelled && offset > 0) {
      cancelled = true;
      reservation++; // someone else reserved
      return reply(0xc5);
    }
    const index = id === 0 ? 0 : ids.indexOf(id);
    if (index < 0 || index >= records.length) return reply(opts.lastCc ?? 0xcb);
    if (count > (opts.maxRead ?? 255)) return reply(0xca);
    const rec = records[index]!;
    const next = index + 1 < records.length ? ids[index + 1]! : opts.lastCc !== undefined ? 0x0b : 0xffff;
    const out = Buffer.alloc(2);
    out.writeUInt16LE(next);
    return reply(0, Buffer.concat([out, rec.subarray(offset, offset + count)]));
  };
  const requester: Requester = {
    host: 'fake',
    raw,
    async request(req) {
      const r = await raw(req);
      if (r.completionCode !== 0)
        throw completionCodeError('fake', 'x', req.netFn, req.cmd, r.completionCode);
      return r.data;
    },
  };
  return { requester, log };
}

describe('readSdrRepository', () => {
  it('reads header then body and decodes every record', async () => {
    const { requester, log } = fakeBmc();
    const got = await readSdrRepository(requester);
    expect(got.raw.map((b) => Buffer.from(b).toString('hex'))).toEqual(RECORDS.map((b) => b.toString('hex')));
    expect(got.records.map((r) => r.kind)).toEqual(['full', 'compact', 'mc-locator']);
    expect(log.filter((l) => l.startsWith('get 0 ') || l.startsWith('get 1 '))[0]).toBe('get 0 @0+5');
  });

  it('shrinks the read size on 0xCA and keeps the learned size for later records', async () => {
    const { requester, log } = fakeBmc({ maxRead: 20 });
    const got = await readSdrRepository(requester);
    expect(got.raw).toHaveLength(3);
    const bodyReads = log.filter((l) => /@([1-9]\d*)\+/.test(l)).map((l) => Number(l.split('+')[1]));
    expect(Math.max(...bodyReads.slice(-3))).toBeLessThanOrEqual(20);
    expect(bodyReads[0]).toBe(0x33); // it first asked for the whole 51-byte body, was refused, then shrank
  });

  it('re-reserves once when the reservation is cancelled (0xC5) and still returns every record', async () => {
    const { requester, log } = fakeBmc({ cancelOnce: true, maxRead: 16 });
    const got = await readSdrRepository(requester);
    expect(got.raw.map((b) => Buffer.from(b).toString('hex'))).toEqual(RECORDS.map((b) => b.toString('hex')));
    expect(log.filter((l) => l === 'reserve')).toHaveLength(2);
  });

  it('starts again when the repository changed during the walk', async () => {
    const { requester, log } = fakeBmc({ changeAfterWalk: 1 });
    const got = await readSdrRepository(requester);
    expect(got.records).toHaveLength(3);
    expect(log.filter((l) => l === 'reserve')).toHaveLength(2);
  });

  it('gives up with a protocol error when the repository never settles', async () => {
    const { requester } = fakeBmc({ changeAfterWalk: 99 });
    await expect(readSdrRepository(requester, { maxRestarts: 2 })).rejects.toMatchObject({
      kind: 'protocol',
    });
  });

  it('accepts 0xC3 past the last announced record as the end (Dell)', async () => {
    const { requester } = fakeBmc({ lastCc: 0xc3 });
    expect((await readSdrRepository(requester)).records).toHaveLength(3);
  });

  it('reads an empty repository (0 records announced, 0xCB for the first) as empty', async () => {
    const { requester, log } = fakeBmc({ records: [] });
    const contents = await readSdrRepository(requester);
    expect(contents.records).toEqual([]);
    expect(contents.info.recordCount).toBe(0);
    expect(log).toEqual(['info', 'reserve', 'get 0 @0+5', 'info']);
  });

  it('fails with the completion code when a record is missing', async () => {
    const { requester } = fakeBmc({ lastCc: 0xcb });
    await expect(readSdrRepository(requester)).rejects.toMatchObject({
      kind: 'completion-code',
      completionCode: 0xcb,
      command: 'Get SDR',
    });
  });
});

describe('readSdrRepository: records longer than the one-byte offset can address', () => {
  // an OEM record (type 0xC0) whose header declares `length` body bytes
  const oem = (id: number, length: number) =>
    Buffer.concat([Buffer.from([id & 0xff, id >> 8, 0x51, 0xc0, length]), Buffer.alloc(length, 0xa5)]);

  it('reads a record whose last byte sits at offset 255 (256 bytes in all)', async () => {
    const rec = oem(0x0042, 251);
    const { requester, log } = fakeBmc({ records: [rec] });
    const got = await readSdrRepository(requester);
    expect(Buffer.from(got.raw[0]!).equals(rec)).toBe(true);
    const offsets = log.filter((l) => l.startsWith('get ')).map((l) => Number(/@(\d+)/.exec(l)![1]));
    expect(Math.max(...offsets)).toBeLessThanOrEqual(255);
  });

  it('rejects a longer record with a protocol error naming host, command and record, before reading past 255', async () => {
    const { requester, log } = fakeBmc({ records: [oem(0x0042, 252)] });
    const err = await readSdrRepository(requester).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(IpmiError);
    expect(err).toMatchObject({ kind: 'protocol', host: 'fake', command: 'Get SDR' });
    expect((err as IpmiError).message).toContain('0x42');
    // only the header was asked for: no body read, so no wrapped offset ever reached the BMC
    expect(log.filter((l) => l.startsWith('get '))).toEqual(['get 0 @0+5']);
  });
});

describe('decodeSdrRepositoryInfo', () => {
  it('decodes the LAB reply (§11.8; ipmitool `sdr info` shows version 0x51, reserve supported only)', () => {
    expect(decodeSdrRepositoryInfo(INFO)).toEqual({
      version: 0x51,
      recordCount: 10,
      freeSpace: 0xfffe,
      mostRecentAddition: 0x14fd,
      mostRecentErase: 0,
      overflow: false,
      updateSupport: 0,
      deleteSupported: false,
      partialAddSupported: false,
      reserveSupported: true,
      allocInfoSupported: false,
    });
  });
  it('property: 14+ bytes decode (record count LE at 1-2), shorter input throws IpmiError', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 20 }), (b) => {
        try {
          expect(decodeSdrRepositoryInfo(b).recordCount).toBe(b[1]! | (b[2]! << 8));
        } catch (e) {
          expect(e).toBeInstanceOf(IpmiError);
          expect(b.length).toBeLessThan(14);
        }
      }),
    );
  });
});
