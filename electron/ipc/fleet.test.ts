// Fleet power status: progress per host, cancel mid-way. The sessions are in-process fakes that answer
// Get Chassis Status after a delay (no BMC); real sessions are covered by the e2e specs.
import { describe, expect, it } from 'vitest';
import type { IpmiSession } from '../ipmi/client/connect';
import type { Host } from '../../shared/domain/host';
import { testApp } from './test-app';

const hosts: Host[] = Array.from({ length: 20 }, (_, i) => ({
  id: `h0fleet${String(i).padStart(3, '0')}`,
  name: `n${i}`,
  address: `192.0.2.${i + 1}`,
  port: 623,
  username: 'admin',
  interface: 'lanplus',
  cipherSuite: 3,
  privilege: 'administrator',
  groups: [],
  notes: '',
}));

function fakeSession(host: string, delayMs: number, powerOn: boolean): IpmiSession {
  const request: IpmiSession['request'] = (_req, opts) =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => resolve(Buffer.from([powerOn ? 0x01 : 0x00, 0, 0])), delayMs);
      opts?.signal?.addEventListener('abort', () => {
        clearTimeout(t);
        reject(new Error('aborted'));
      });
    });
  return {
    host,
    info: undefined,
    stats: {} as IpmiSession['stats'],
    request,
    raw: async (req, opts) => ({ completionCode: 0, data: await request(req, opts) }),
    bridged: () => {
      throw new Error('n/a');
    },
    close: async () => {},
  };
}

describe('fleet.powerStatus', () => {
  it('streams one progress event per host and returns every result', async () => {
    const app = await testApp({
      hosts,
      passwords: Object.fromEntries(hosts.slice(0, 19).map((h) => [h.id, 'pw'])), // the last has none
      connect: async (o) => fakeSession(o.host, 5, o.host.endsWith('.1') || o.host.endsWith('.3')),
    });
    const progress: { done: number; item: { hostId: string } }[] = [];
    app.services.events.subscribe((name, p) => name === 'operation.progress' && progress.push(p as never));
    const r = await app.dispatch('fleet.powerStatus', {
      operationId: 'op-fleet-0001',
      hostIds: hosts.map((h) => h.id),
      concurrency: 4,
    });
    expect(r.ok).toBe(true);
    const value = (
      r as {
        value: {
          results: { hostId: string; power?: string; error?: { code: string } }[];
          cancelled: boolean;
        };
      }
    ).value;
    expect(value.cancelled).toBe(false);
    expect(value.results).toHaveLength(20);
    expect(value.results.find((x) => x.hostId === hosts[0]!.id)?.power).toBe('on');
    expect(value.results.find((x) => x.hostId === hosts[1]!.id)?.power).toBe('off');
    expect(value.results.find((x) => x.hostId === hosts[19]!.id)?.error?.code).toBe('no-password');
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await app.shutdown();
  });

  it('cancel stops the operation; a second run with the same id is refused while it runs', async () => {
    const app = await testApp({
      hosts,
      passwords: Object.fromEntries(hosts.map((h) => [h.id, 'pw'])),
      connect: async (o) => fakeSession(o.host, 50, true),
    });
    let seen = 0;
    app.services.events.subscribe(() => {
      seen += 1;
      if (seen === 3) void app.dispatch('operations.cancel', { operationId: 'op-fleet-0002' });
    });
    const running = app.dispatch('fleet.powerStatus', {
      operationId: 'op-fleet-0002',
      hostIds: hosts.map((h) => h.id),
      concurrency: 2,
    });
    const dup = await app.dispatch('fleet.powerStatus', {
      operationId: 'op-fleet-0002',
      hostIds: [hosts[0]!.id],
    });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const r = (await running) as { ok: true; value: { results: unknown[]; cancelled: boolean } };
    expect(r.value.cancelled).toBe(true);
    expect(r.value.results.length).toBeLessThan(20);
    expect(await app.dispatch('operations.cancel', { operationId: 'op-fleet-0002' })).toEqual({
      ok: true,
      value: { cancelled: false },
    });
    await app.shutdown();
  });

  it('asks hosts with an open pool session through it; the others get a one-shot User session, closed at once', async () => {
    const opened: { host: string; privilege: string | undefined; keepaliveMs: number | undefined }[] = [];
    const closes: { host: string; wait: boolean | undefined }[] = [];
    const app = await testApp({
      hosts: hosts.slice(0, 6),
      passwords: Object.fromEntries(hosts.slice(0, 6).map((h) => [h.id, 'pw'])),
      connect: async (o) => {
        opened.push({ host: o.host, privilege: o.privilege, keepaliveMs: o.keepaliveMs });
        const s = fakeSession(o.host, 2, o.host.endsWith('.2'));
        return { ...s, close: async (c) => void closes.push({ host: o.host, wait: c?.wait }) };
      },
    });
    // hosts 1 and 4 already have a session in the pool (as after opening their pages)
    for (const h of [hosts[1]!, hosts[4]!]) await app.services.pool.use(h.id, async () => undefined);
    expect(opened.map((o) => o.host)).toEqual(['192.0.2.2', '192.0.2.5']);
    opened.length = 0;

    const r = await app.dispatch('fleet.powerStatus', {
      operationId: 'op-fleet-0003',
      hostIds: hosts.slice(0, 6).map((h) => h.id),
    });
    expect(r.ok).toBe(true);
    const value = (r as { value: { results: { hostId: string; power?: string }[]; cancelled: boolean } })
      .value;
    expect(value.cancelled).toBe(false);
    expect(Object.fromEntries(value.results.map((x) => [x.hostId, x.power]))).toEqual(
      Object.fromEntries(hosts.slice(0, 6).map((h, i) => [h.id, i === 1 ? 'on' : 'off'])),
    );
    // no second login for the pooled hosts; the rest logged in at User privilege without keepalive
    expect(opened.map((o) => o.host).sort()).toEqual(['192.0.2.1', '192.0.2.3', '192.0.2.4', '192.0.2.6']);
    expect(opened.every((o) => o.privilege === 'user' && o.keepaliveMs === 0)).toBe(true);
    // the fleet's own sessions are closed without waiting for the answer; the pool's stay open
    expect(closes.map((c) => c.host).sort()).toEqual(['192.0.2.1', '192.0.2.3', '192.0.2.4', '192.0.2.6']);
    expect(closes.every((c) => c.wait === false)).toBe(true);
    expect(app.services.pool.isOpen(hosts[1]!.id)).toBe(true);
    expect(app.services.pool.isOpen(hosts[4]!.id)).toBe(true);
    expect(app.services.pool.size).toBe(2);
    await app.shutdown();
  });
});
