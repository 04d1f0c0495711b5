// The renderer's status store without React or a window: a batch wakes only the cells of the hosts in
// it, each once however often it changed before its turn, and a large batch is woken in chunks (one
// per frame; without a document, one per task) rather than all in one go.
import { describe, expect, it } from 'vitest';
import { HostStatusStore } from './status-store';
import type { HostStatus } from '../../../../../shared/contract/host-status';

const status = (hostId: string, power: 'on' | 'off'): HostStatus => ({ hostId, power, health: 'ok' });
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('host status store', () => {
  it('wakes only the changed hosts, once each, with the newest status', async () => {
    const store = new HostStatusStore();
    const woken: string[] = [];
    for (const id of ['h000001', 'h000002', 'h000003'])
      store.subscribe(id, () => woken.push(`${id}:${store.get(id)?.power}`));
    store.apply([status('h000002', 'on')]);
    store.apply([status('h000002', 'off'), status('h000009', 'on')]);
    expect(store.get('h000002')?.power).toBe('off'); // readable at once
    while (woken.length === 0) await tick();
    await tick();
    expect(woken).toEqual(['h000002:off']);
  });

  it('wakes a 1,000-host batch in chunks, every cell exactly once', async () => {
    const store = new HostStatusStore();
    const ids = Array.from({ length: 1000 }, (_, i) => `h${String(i).padStart(6, '0')}`);
    const count = new Map<string, number>();
    for (const id of ids) store.subscribe(id, () => count.set(id, (count.get(id) ?? 0) + 1));
    store.apply(ids.map((id) => status(id, 'on')));
    const perTask: number[] = [];
    let seen = 0;
    while (seen < 1000) {
      await tick();
      const now = [...count.values()].reduce((a, b) => a + b, 0);
      if (now > seen) perTask.push(now - seen);
      seen = now;
    }
    expect(Math.max(...count.values())).toBe(1);
    expect(count.size).toBe(1000);
    expect(perTask.length).toBeGreaterThan(1); // not all in one go
    expect(Math.max(...perTask)).toBeLessThanOrEqual(5000);
  });

  it('stops waking a cell once it unsubscribed', async () => {
    const store = new HostStatusStore();
    let n = 0;
    const off = store.subscribe('h000001', () => n++);
    off();
    store.apply([status('h000001', 'on')]);
    await tick();
    await tick();
    expect(n).toBe(0);
    expect(store.get('h000001')?.power).toBe('on');
  });
});
