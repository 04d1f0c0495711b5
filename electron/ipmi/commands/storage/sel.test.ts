import { describe, expect, it } from 'vitest';
import { clearSel, deleteSelEntry, getSelEntry, getSelInfo, readSel, setSelTime, getSelTime } from './sel';
import { FakeRequester, ok, cc } from './fake-storage-bmc';
import { IpmiError } from '../../errors';

const RECORD = '02 00105e5f 2000 04 07 30 6f 00ffff'; // processor IERR (research notes §11.9)

describe('SEL commands', () => {
  it('walks the SEL by next-record ID until 0xFFFF, sending reservation 0 as ipmitool does', async () => {
    const chain: Record<number, string> = { 0: '0500 0100', 5: '0900 0500', 9: 'ffff 0900' };
    const r = new FakeRequester({ 0x43: (d) => ok(chain[d.readUInt16LE(2)]! + RECORD) });
    const entries = await readSel(r);
    expect(entries.map((e) => e.record.recordId)).toEqual([1, 5, 9]);
    // reservation 0000, record ID, offset 0, read 0xFF (whole record)
    expect(r.sent.map((s) => s.data)).toEqual([
      '00000000' + '00ff',
      '00000500' + '00ff',
      '00000900' + '00ff',
    ]);
  });

  it('reserves and retries when the BMC cancels the reservation', async () => {
    let first = true;
    const r = new FakeRequester({
      0x42: () => ok('3412'),
      0x43: (d) => {
        if (first) return ((first = false), cc(0xc5));
        expect(d.readUInt16LE(0)).toBe(0x1234);
        return ok('ffff 0100' + RECORD);
      },
    });
    expect((await getSelEntry(r, 0)).nextId).toBe(0xffff);
    expect(r.sent.map((s) => s.cmd)).toEqual([0x43, 0x42, 0x43]);
  });

  it('stops a next-record chain that loops', async () => {
    const r = new FakeRequester({ 0x43: () => ok('0000 0100' + RECORD) });
    await expect(readSel(r)).rejects.toMatchObject({ kind: 'protocol' });
  });

  it('clears with CLR + 0xAA, then polls with 0x00 until the erase completes', async () => {
    let polls = 0;
    const r = new FakeRequester({
      0x42: () => ok('0700'),
      0x47: (d) => (d[5] === 0xaa ? ok('00') : ok(++polls < 3 ? '00' : '01')),
    });
    await clearSel(r, { pollIntervalMs: 1 });
    expect(r.sent.map((s) => s.data)).toEqual([
      '',
      '0700434c52aa',
      '0700434c5200',
      '0700434c5200',
      '0700434c5200',
    ]);
  });

  it('deletes with a reservation', async () => {
    const r = new FakeRequester({ 0x42: () => ok('0200'), 0x46: () => ok('0500') });
    expect(await deleteSelEntry(r, 5)).toBe(5);
    expect(r.sent[1]).toEqual({ netFn: 0x0a, cmd: 0x46, data: '02000500' });
  });

  it('rejects bad arguments before sending anything', async () => {
    const r = new FakeRequester({});
    await expect(deleteSelEntry(r, 0x10000)).rejects.toMatchObject({ kind: 'argument' });
    await expect(getSelEntry(r, -1)).rejects.toMatchObject({ kind: 'argument' });
    await expect(setSelTime(r, 2 ** 32)).rejects.toMatchObject({ kind: 'argument' });
    expect(r.sent).toEqual([]);
  });

  it('gets and sets the SEL time little-endian', async () => {
    const r = new FakeRequester({ 0x48: () => ok('00105e5f'), 0x49: () => ok('') });
    expect(await getSelTime(r)).toBe(0x5f5e1000);
    await setSelTime(r, 0x5f5e1000);
    expect(r.sent[1]?.data).toBe('00105e5f');
  });

  it('reports a short Get SEL Info reply as a protocol error and a refusal with its code', async () => {
    await expect(getSelInfo(new FakeRequester({ 0x40: () => ok('51 0a00') }))).rejects.toMatchObject({
      kind: 'protocol',
    });
    const e = await getSelInfo(new FakeRequester({ 0x40: () => cc(0xd5) })).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(IpmiError);
    expect((e as IpmiError).completionCode).toBe(0xd5);
  });
});

describe('readSel on an empty SEL', () => {
  it('returns no entries when the first read says "record not present"', async () => {
    expect(await readSel(new FakeRequester({ 0x43: () => cc(0xcb) }))).toEqual([]);
    await expect(readSel(new FakeRequester({ 0x43: () => cc(0xd5) }))).rejects.toMatchObject({
      completionCode: 0xd5,
    });
  });
});
