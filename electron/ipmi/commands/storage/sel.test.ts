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

describe('readSel first / last / startId (the one walk)', () => {
  // five records 1..5 linked in order, the last pointing at 0xFFFF
  const link = (id: number) => (id === 5 ? 0xffff : id + 1);
  const le = (n: number) => Buffer.from([n & 0xff, n >> 8]).toString('hex');
  const sel = () =>
    new FakeRequester({
      0x40: () => ok('51 0500 e03d ffffffff ffffffff 0a'),
      0x43: (d) => {
        const asked = d.readUInt16LE(2);
        const id = asked === 0 ? 1 : asked;
        return ok(le(link(id)) + le(id) + RECORD);
      },
    });
  const ids = (es: { record: { recordId: number } }[]) => es.map((e) => e.record.recordId);
  const asked = (r: FakeRequester) => r.sent.filter((s) => s.cmd === 0x43).map((s) => s.data.slice(4, 8));

  it('first N stops after the Nth record: no request beyond it', async () => {
    const r = sel();
    expect(ids(await readSel(r, { first: 2 }))).toEqual([1, 2]);
    expect(asked(r)).toEqual(['0000', '0200']);
  });

  it('last N reads the SEL count, skips the records before the last N and keeps those', async () => {
    const r = sel();
    const kept: number[] = [];
    const fetched: number[] = [];
    const out = await readSel(r, {
      last: 2,
      onFetch: (id) => fetched.push(id),
      onRecord: (e) => void kept.push(e.record.recordId),
    });
    expect(ids(out)).toEqual([4, 5]);
    expect(kept).toEqual([4, 5]);
    expect(fetched).toEqual([0, 2, 3, 4, 5]);
    expect(r.sent[0]?.cmd).toBe(0x40);
    // more than there are: all of them; a known count sends no Get SEL Info
    const r2 = sel();
    expect(ids(await readSel(r2, { last: 9, entries: 5 }))).toEqual([1, 2, 3, 4, 5]);
    expect(r2.sent.some((s) => s.cmd === 0x40)).toBe(false);
  });

  it('startId continues a page from its next-record ID; 0xFFFF reads nothing', async () => {
    const r = sel();
    const page1 = await readSel(r, { first: 2 });
    const page2 = await readSel(r, { startId: page1.at(-1)!.nextId, first: 2 });
    expect(ids(page2)).toEqual([3, 4]);
    expect(await readSel(sel(), { startId: 0xffff })).toEqual([]);
  });

  it('awaits onRecord before the next request', async () => {
    const r = sel();
    const seenBefore: number[] = [];
    await readSel(r, {
      first: 3,
      onRecord: async () => {
        await new Promise((done) => setTimeout(done, 1));
        seenBefore.push(r.sent.length);
      },
    });
    expect(seenBefore).toEqual([1, 2, 3]);
  });

  it('refuses counts that are not whole numbers above 0, and first with last, before sending', async () => {
    const r = sel();
    for (const o of [{ first: 0 }, { last: -1 }, { first: 1.5 }, { first: 1, last: 1 }, { startId: 0x10000 }])
      await expect(readSel(r, o)).rejects.toMatchObject({ kind: 'argument' });
    expect(r.sent).toEqual([]);
  });
});
