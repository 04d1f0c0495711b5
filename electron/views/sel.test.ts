// The SEL call views on a scripted requester: what they refuse and what they send (the lab peer test,
// electron/ipc/sel.peer.test.ts, checks values against ipmitool).
import { describe, expect, it } from 'vitest';
import { FakeRequester, ok } from '../ipmi/commands/storage/fake-storage-bmc';
import { clearSelView, readSelPage, setSelTimeView } from './sel';

const RECORD = '02 00105e5f 2000 04 07 30 6f 00ffff'; // processor IERR
const info = (entries: number, lastAdd = 'ffffffff') =>
  ok(`51 ${entries.toString(16).padStart(2, '0')}00 e03d ${lastAdd} ffffffff 0a`);

describe('clearSelView', () => {
  it('refuses to erase when an event was logged during the export, and sends no Clear SEL', async () => {
    let infos = 0;
    const r = new FakeRequester({
      0x40: () => (++infos === 1 ? info(1) : info(2, '00105e5f')),
      0x42: () => ok('0100'),
      0x43: () => ok('ffff 0100' + RECORD),
      0x47: () => ok('01'),
    });
    await expect(clearSelView(r, true)).rejects.toMatchObject({
      kind: 'verify-failed',
      reasons: ['sel-changed-during-export'],
    });
    expect(r.sent.some((s) => s.cmd === 0x47)).toBe(false);
  });

  it('reserves before the export and clears under that reservation', async () => {
    const r = new FakeRequester({
      0x40: () => info(1),
      0x42: () => ok('3412'),
      0x43: () => ok('ffff 0100' + RECORD),
      0x47: () => ok('01'),
    });
    const out = await clearSelView(r, true);
    expect(out.exported?.map((e) => e.description)).toEqual(['IERR']);
    // 0x01: Get Device ID, once, for the vendor texts of sensor-specific events
    expect(r.sent.map((s) => s.cmd)).toEqual([0x42, 0x40, 0x43, 0x01, 0x40, 0x47, 0x40]);
    expect(r.sent[5]?.data).toBe('3412434c52aa'); // reservation 0x1234, 'CLR', initiate
  });
});

describe('setSelTimeView', () => {
  it('a clock that reads back another time is verify-failed', async () => {
    const r = new FakeRequester({ 0x49: () => ok(''), 0x48: () => ok('00000000') });
    await expect(setSelTimeView(r, 0x5f5e1000)).rejects.toMatchObject({ kind: 'verify-failed' });
  });
});

describe('readSelPage', () => {
  it('an empty SEL is one Get SEL Info and no entry read', async () => {
    const r = new FakeRequester({ 0x40: () => info(0) });
    expect(await readSelPage(r, {})).toMatchObject({ events: [], info: { entries: 0 } });
    expect(r.sent.map((s) => s.cmd)).toEqual([0x40]);
  });

  it('a page that stops before the end gives the next cursor', async () => {
    const r = new FakeRequester({
      0x40: () => info(2),
      0x43: (d) => (d.readUInt16LE(2) === 0 ? ok('0200 0100' + RECORD) : ok('ffff 0200' + RECORD)),
    });
    const page = await readSelPage(r, { limit: 1 });
    expect(page.events.map((e) => e.id)).toEqual([1]);
    expect(page.next).toBe(2);
    const rest = await readSelPage(r, { cursor: 2 });
    expect(rest.events.map((e) => e.id)).toEqual([2]);
    expect(rest.next).toBeUndefined();
  });
});
