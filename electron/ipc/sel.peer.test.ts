// sel.* calls through the IPC dispatcher against a private lab BMC (ipmi_sim; these tests delete, clear
// and set its clock): every value is compared with ipmitool 1.8.19's reading of the same BMC. The
// events are printed back through the CLI's printer (format/sel.ts) and must be ipmitool's `sel elist`
// and `sel list` byte for byte: the view carries everything ipmitool shows. Writes are read back by
// ipmitool.
import { describe, expect, it } from 'vitest';
import { ipmitool, SEL_SEED, type LabBmc } from '../../e2e/lab/bmc-lab';
import { callOk, recordProgress, type ProgressEvent } from '../../e2e/lab/lab-app';
import { privateLabApp } from '../../e2e/lab/private-lab-app';
import type { SelEvent, SelPage } from '../../shared/domain/sel';
import type { Envelope } from '../../shared/errors';
import { formatSelLine } from '../cli/format/sel';
import type { App } from './app-services';

let bmc: LabBmc;
let app: App;
const hostId = 'h0selpeer01';
const progress: ProgressEvent<SelEvent>[] = [];

privateLabApp(
  (b, a) => {
    [bmc, app] = [b, a];
    recordProgress(app, progress);
  },
  { id: hostId, cipherSuite: 'auto', timeoutMs: 1000 },
);

const UTC = { env: { TZ: 'UTC' } };
async function tool(args: string[]): Promise<string> {
  const r = await ipmitool(bmc, args, UTC);
  if (r.code !== 0) throw new Error(`ipmitool ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
const call = <T>(name: string, args: Record<string, unknown>) => callOk<T>(app, name, args);
const lines = (events: SelEvent[]) => events.map((e) => formatSelLine(e, { tz: 'UTC' })).join('');
const toolEntries = async () => Number(/Entries\s+: (\d+)/.exec(await tool(['sel', 'info']))?.[1]);

describe('sel.list against ipmi_sim, compared with ipmitool', () => {
  it('the whole SEL prints as ipmitool sel elist, each event streamed as progress', async () => {
    const page = await call<SelPage>('sel.list', { hostId, operationId: 'op-sel-peer-list1' });
    expect(page.events.map((e) => e.raw)).toEqual(SEL_SEED.map((b) => Buffer.from(b).toString('hex')));
    expect(lines(page.events)).toBe(await tool(['sel', 'elist']));
    expect(page.next).toBeUndefined();
    expect(page.info.entries).toBe(await toolEntries());
    const mine = progress.filter((p) => p.operationId === 'op-sel-peer-list1');
    expect(mine.map((p) => p.item.id)).toEqual(page.events.map((e) => e.id));
    expect(mine.map((p) => [p.done, p.total])).toEqual(page.events.map((_, i) => [i + 1, SEL_SEED.length]));
    // the values the app shows, as ipmitool names them: CPU Temp 92 > 90 degrees C
    expect(page.events[1]).toMatchObject({
      sensor: { sdr: { name: expect.any(String) } },
      reading: { value: 92, unit: 'degrees C' },
      threshold: { value: 90, crossed: 'above' },
      severity: 'critical',
    });
  });

  it('without sensors prints as ipmitool sel list', async () => {
    const page = await call<SelPage>('sel.list', {
      hostId,
      operationId: 'op-sel-peer-list2',
      sensors: false,
    });
    expect(lines(page.events)).toBe(await tool(['sel', 'list']));
  });

  it('pages of 4 follow the cursor to the end and add up to the whole SEL', async () => {
    const all: SelEvent[] = [];
    let cursor: number | undefined;
    let pages = 0;
    do {
      const page: SelPage = await call<SelPage>('sel.list', {
        hostId,
        operationId: `op-sel-peer-page${pages}`,
        limit: 4,
        ...(cursor !== undefined && { cursor }),
      });
      expect(page.events.length).toBeLessThanOrEqual(4);
      all.push(...page.events);
      cursor = page.next;
      pages++;
    } while (cursor !== undefined && pages < 10);
    expect(pages).toBe(Math.ceil(SEL_SEED.length / 4));
    expect(lines(all)).toBe(await tool(['sel', 'elist']));
  });

  it('last 3 is ipmitool sel elist last 3', async () => {
    const page = await call<SelPage>('sel.list', { hostId, operationId: 'op-sel-peer-last3', last: 3 });
    expect(page.events).toHaveLength(3);
    expect(lines(page.events)).toBe(await tool(['sel', 'elist', 'last', '3']));
  });
});

describe('sel.list cancel', () => {
  it('operations.cancel stops a running sel.list: it ends cancelled, with no event after the cancel', async () => {
    const operationId = 'op-sel-peer-cancel';
    const running = app.dispatch('sel.list', { hostId, operationId });
    const cancelled = await app.dispatch('operations.cancel', { operationId });
    expect(cancelled).toMatchObject({ ok: true });
    const r = (await running) as Envelope<SelPage>;
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error.code).toBe('cancelled');
    expect(progress.filter((p) => p.operationId === operationId)).toEqual([]);
  });
});

describe('sel.time against ipmi_sim, read back by ipmitool', () => {
  const toolTime = async () =>
    Math.floor(Date.parse((await tool(['sel', 'time', 'get'])).trim() + ' UTC') / 1000);

  it('time.set sets the clock ipmitool reads; time.get agrees with ipmitool', async () => {
    const target = 1_700_000_000; // 2023-11-14 22:13:20 UTC
    const set = await call<{ time: { seconds: number; iso?: string } }>('sel.time.set', {
      hostId,
      seconds: target,
    });
    expect(set.time.seconds - target).toBeGreaterThanOrEqual(0);
    expect(set.time.seconds - target).toBeLessThanOrEqual(2);
    const theirs = await toolTime();
    expect(theirs - target).toBeGreaterThanOrEqual(0);
    expect(theirs - target).toBeLessThanOrEqual(3);
    const got = await call<{ time: { seconds: number }; offsetSeconds: number }>('sel.time.get', { hostId });
    expect(Math.abs(got.time.seconds - (await toolTime()))).toBeLessThanOrEqual(2);
    expect(Math.abs(got.offsetSeconds - (target - Math.floor(Date.now() / 1000)))).toBeLessThanOrEqual(3);
  });

  it("time.sync sets this computer's clock, as ipmitool then reads it", async () => {
    const r = await call<{
      before: { seconds: number };
      after: { seconds: number };
      offsetBeforeSeconds: number;
    }>('sel.time.sync', { hostId });
    const now = Math.floor(Date.now() / 1000);
    expect(Math.abs(r.after.seconds - now)).toBeLessThanOrEqual(2);
    expect(r.offsetBeforeSeconds).toBeLessThan(-1000); // it was in 2023
    expect(Math.abs((await toolTime()) - now)).toBeLessThanOrEqual(3);
  });
});

describe('sel.delete and sel.clear against ipmi_sim, read back by ipmitool', () => {
  it('deletes records 3 and 7; ipmitool lists the rest; a missing record is refused with its code', async () => {
    const r = await call<{ deleted: number[] }>('sel.delete', { hostId, ids: [3, 7] });
    expect(r.deleted).toEqual([3, 7]);
    const ids = (await tool(['sel', 'list']))
      .split('\n')
      .filter(Boolean)
      .map((l) => parseInt(l.split('|')[0]!, 16));
    expect(ids).toEqual([1, 2, 4, 5, 6, 8, 9, 10]);
    const bad = (await app.dispatch('sel.delete', { hostId, ids: [3] })) as Envelope<unknown>;
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.error).toMatchObject({ completionCode: 0xcb, netFn: 0x0a, cmd: 0x46 });
  });

  it('clear with export returns every event ipmitool listed, then the SEL is empty for ipmitool', async () => {
    const before = await tool(['sel', 'elist']);
    const r = await call<{ entriesAfter: number; exported?: SelEvent[] }>('sel.clear', {
      hostId,
      operationId: 'op-sel-peer-clear',
      export: true,
    });
    expect(r.exported).toBeDefined();
    expect(lines(r.exported!)).toBe(before);
    expect(r.entriesAfter).toBe(0);
    expect(await toolEntries()).toBe(0);
    const empty = await ipmitool(bmc, ['sel', 'list'], UTC);
    expect(empty.stderr).toContain('SEL has no entries');
    const page = await call<SelPage>('sel.list', { hostId, operationId: 'op-sel-peer-empty' });
    expect(page).toMatchObject({ events: [], info: { entries: 0 } });
  });
});
