import { describe, expect, it } from 'vitest';
import { FruReader, getFruInventoryAreaInfo, readFruInventory, writeFruData } from './fru-inventory';
import { FakeRequester, ok, cc } from './fake-storage-bmc';
import { FRU_VECTOR } from '../../decode/fru/fru-vector';

/** Serves the §11.10 vector from a 256-byte device, refusing reads above `limit` bytes with `refusal`. */
function fruDevice(limit: number, refusal = 0xc8, wordAccess = false) {
  const image = Buffer.alloc(256);
  image.set(FRU_VECTOR);
  return new FakeRequester({
    0x10: () => ok(wordAccess ? '0001 01' : '0001 00'),
    0x11: (d) => {
      const unit = wordAccess ? 2 : 1;
      const at = d.readUInt16LE(1) * unit;
      const count = d[3]! * unit;
      if (count > limit) return cc(refusal);
      const part = image.subarray(at, Math.min(at + count, image.length));
      return ok(Buffer.concat([Buffer.of(part.length / unit), part]).toString('hex'));
    },
  });
}

describe('FRU inventory commands', () => {
  it('reads the area info', async () => {
    expect(await getFruInventoryAreaInfo(fruDevice(255), 0)).toEqual({ size: 256, wordAccess: false });
  });

  it('reads only as far as the areas reach, backing off on "request too big"', async () => {
    for (const refusal of [0xc7, 0xc8, 0xca, 0xff]) {
      const r = fruDevice(32, refusal);
      const fru = await readFruInventory(r, 0);
      expect(fru.product?.fields.name?.text).toBe('Widget Server');
      expect(fru.bytes.length).toBeGreaterThanOrEqual(138);
      // every successful read was at most 32 bytes, and nothing past the multi-record area was asked for
      const reads = r.sent.filter((s) => s.cmd === 0x11).map((s) => Buffer.from(s.data, 'hex'));
      expect(Math.max(...reads.map((d) => d.readUInt16LE(1) + d[3]!))).toBeLessThanOrEqual(256);
    }
  });

  it('shrinks the chunk to what a BMC returns in short replies', async () => {
    const image = Buffer.alloc(256);
    image.set(FRU_VECTOR);
    const r = new FakeRequester({
      0x10: () => ok('0001 00'),
      0x11: (d) => {
        const at = d.readUInt16LE(1);
        const part = image.subarray(at, at + Math.min(d[3]!, 20));
        return ok(Buffer.concat([Buffer.of(part.length), part]).toString('hex'));
      },
    });
    const reader = new FruReader(r);
    const fru = await readFruInventory(r, 0, reader);
    expect(fru.problems).toEqual([]);
    expect(reader.chunk).toBe(20);
  });

  it('addresses word-access devices in words', async () => {
    const r = fruDevice(64, 0xc8, true);
    const fru = await readFruInventory(r, 0);
    expect(fru.board?.fields.serialNumber?.text).toBe('1234-5');
    const first = Buffer.from(r.sent.find((s) => s.cmd === 0x11)!.data, 'hex');
    expect(first[3]! * 2).toBe(32);
  });

  it('refuses an odd offset on a word-access device before sending anything', async () => {
    const r = fruDevice(64, 0xc8, true);
    const info = await getFruInventoryAreaInfo(r, 0);
    r.sent.length = 0;
    await expect(new FruReader(r).read(0, info, 3, 8)).rejects.toMatchObject({
      kind: 'argument',
      command: 'Read FRU Data',
    });
    expect(r.sent).toEqual([]);
    // even offsets still read the bytes asked for
    const got = await new FruReader(r).read(0, info, 4, 8);
    expect(got.equals(Buffer.from(FRU_VECTOR).subarray(4, 12))).toBe(true);
  });

  it('gives up with the completion code when backing off cannot help', async () => {
    await expect(readFruInventory(fruDevice(4), 0)).rejects.toMatchObject({ completionCode: 0xc8 });
    await expect(readFruInventory(new FakeRequester({ 0x10: () => cc(0xcc) }), 7)).rejects.toMatchObject({
      completionCode: 0xcc,
    });
  });

  it('keeps what was read when an overstated device answers 0 bytes', async () => {
    const r = new FakeRequester({
      0x10: () => ok('0004 00'), // claims 1024 bytes
      0x11: (d) => {
        const at = d.readUInt16LE(1);
        const part = Buffer.from(FRU_VECTOR).subarray(at, at + d[3]!);
        return ok(Buffer.concat([Buffer.of(part.length), part]).toString('hex'));
      },
    });
    const fru = await readFruInventory(r, 0);
    expect(fru.multiRecords?.[0]?.type).toBe(1);
  });

  it('writes in 16-byte pieces and checks arguments before sending', async () => {
    const r = new FakeRequester({
      0x10: () => ok('0001 00'),
      0x12: (d) => ok((d.length - 3).toString(16).padStart(2, '0')),
    });
    expect(await writeFruData(r, 0, 8, new Uint8Array(20))).toBe(20);
    expect(r.sent.filter((s) => s.cmd === 0x12).map((s) => s.data.slice(0, 6))).toEqual(['000800', '001800']);
    await expect(writeFruData(r, 0, 250, new Uint8Array(20))).rejects.toMatchObject({ kind: 'argument' });
    await expect(writeFruData(r, 255, 0, new Uint8Array(1))).rejects.toMatchObject({ kind: 'argument' });
  });
});
