// The credential store against a real Secret Service (gnome-keyring in this D-Bus session), and the
// promise that a password never leaks: not in the inventory file, not in logs, not in any IPC result
// or event.
import { afterAll, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { readdirSync, readlinkSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { MemoryCredentialStore, openCredentialStore, type CredentialStore } from './credentials';
import { startSecretService, type SecretService } from './secret-service-daemon';
import { IpmiError } from '../ipmi/errors';
import { testApp } from '../ipc/test-app';
import { contract, CALL_NAMES } from '../../shared/contract/index';

// decided at collection time so a skip carries its reason in the test name
const svc: SecretService = await startSecretService();
afterAll(async () => svc.stop());

describe('memory store', () => {
  it('set/get/has/delete and says it is memory-only', async () => {
    const s = new MemoryCredentialStore('no keychain');
    await s.set('h1', 'pw');
    expect([await s.has('h1'), await s.get('h1')]).toEqual([true, 'pw']);
    expect(await s.delete('h1')).toBe(true);
    expect(await s.has('h1')).toBe(false);
    expect(s.backend).toBe('memory');
    expect(s.detail).toBe('no keychain');
  });
});

describe('OS keychain (Secret Service)', () => {
  const skipNote = svc.unavailable ? ` (skipped: ${svc.unavailable})` : '';
  it.skipIf(!!svc.unavailable)(
    `store, read, replace, delete through @napi-rs/keyring${skipNote}`,
    async () => {
      const store = await openCredentialStore({ service: `BMC Desk test ${randomBytes(4).toString('hex')}` });
      expect(store.backend).toBe('os');
      const account = 'h0keychain01';
      await store.set(account, 's3cr3t-密码');
      expect(await store.get(account)).toBe('s3cr3t-密码');
      expect(await store.has(account)).toBe(true);
      await store.set(account, 'replaced');
      expect(await store.get(account)).toBe('replaced');
      expect(await store.delete(account)).toBe(true);
      expect(await store.has(account)).toBe(false);
      expect(await store.delete(account)).toBe(false);
    },
  );
});

describe('many hosts at once (Secret Service)', () => {
  const skipNote = svc.unavailable ? ` (skipped: ${svc.unavailable})` : '';
  /** sockets this process holds: each Secret Service call in flight is one D-Bus connection */
  const sockets = () =>
    readdirSync('/proc/self/fd').filter((f) => {
      try {
        return readlinkSync(`/proc/self/fd/${f}`).startsWith('socket:');
      } catch {
        return false;
      }
    }).length;

  it.skipIf(!!svc.unavailable)(
    `500 lookups at once (a big host list) open at most a few keychain connections and answer right${skipNote}`,
    async () => {
      // Unbounded, this opened 500 sockets; at 1,000 hosts the descriptors passed 1024 and libdbus's
      // select() spun forever at 100 % CPU (the CI hang in host-list.spec.ts).
      const store = await openCredentialStore({ service: `BMC Desk many ${randomBytes(4).toString('hex')}` });
      for (let i = 0; i < 5; i++) await store.set(`h${i}`, `pw${i}`);
      const base = sockets();
      let most = base;
      const sample = setInterval(() => (most = Math.max(most, sockets())), 1);
      try {
        const has = await Promise.all(Array.from({ length: 500 }, (_, i) => store.has(`h${i}`)));
        const got = await Promise.all(Array.from({ length: 100 }, (_, i) => store.get(`h${i % 10}`)));
        expect(has.flatMap((x, i) => (x ? [i] : []))).toEqual([0, 1, 2, 3, 4]);
        expect(got.filter((p) => p !== null)).toHaveLength(50);
        expect(got[13]).toBe('pw3');
      } finally {
        clearInterval(sample);
      }
      expect(most - base).toBeLessThanOrEqual(3);
      // the one-query list of accounts follows our own writes
      expect(await store.delete('h0')).toBe(true);
      expect(await store.has('h0')).toBe(false);
      await store.set('h9', 'x');
      expect(await store.has('h9')).toBe(true);
      for (const a of ['h1', 'h2', 'h3', 'h4', 'h9']) await store.delete(a);
    },
  );
});

describe('the password never leaks', () => {
  it('not in the inventory folder, logs, IPC results or events (keychain when available)', async () => {
    const secret = `Pw-${randomBytes(6).toString('hex')}`;
    const logs: string[] = [];
    const store: CredentialStore = svc.unavailable
      ? new MemoryCredentialStore('test')
      : await openCredentialStore({ service: `BMC Desk leak ${randomBytes(4).toString('hex')}` });
    const logins: unknown[] = [];
    const app = await testApp({
      credentials: store,
      log: (l) => logs.push(l),
      connect: async (o) => {
        logins.push(o.password);
        // every other login fails the way a careless library might: the password in the message
        if (logins.length % 2 === 1)
          throw new Error(`login ${o.username}:${String(o.password)}@${o.host} failed`);
        throw new IpmiError('wrong-password', `${o.host}: wrong password`, {
          host: o.host,
          command: 'RAKP 2',
        });
      },
    });
    const seen: unknown[] = [];
    app.services.events.subscribe((name, payload) => seen.push({ name, payload }));
    const results: unknown[] = [];
    const call = async (name: string, args: unknown) => {
      const r = await app.dispatch(name, args);
      results.push(r);
      return r;
    };
    const added = (await call('hosts.add', {
      host: { name: 'leak', address: '192.0.2.5', username: 'admin' },
      password: secret,
    })) as {
      ok: true;
      value: { id: string; hasPassword: boolean };
    };
    expect(added.ok && added.value.hasPassword).toBe(true);
    const id = added.value.id;
    // logins with the stored password: pooled calls and a fleet one-shot session
    for (const name of ['session.connect', 'power.status', 'chassis.status', 'mc.info'])
      await call(name, { hostId: id });
    await call('fleet.powerStatus', { operationId: 'op-leak-0001', hostIds: [id] });
    expect(logins.filter((p) => p === secret).length).toBeGreaterThanOrEqual(5);
    await call('credentials.set', { hostId: id, password: secret + 'x' });
    await call('hosts.add', {
      host: { name: 'bad', address: '192.0.2.6', username: 'admin' },
      password: secret + '-way-too-long-for-ipmi',
    });
    for (const name of CALL_NAMES) {
      const example = JSON.parse(JSON.stringify(contract[name].example).replaceAll('h0example01', id));
      if (name !== 'hosts.remove') await call(name, example);
    }
    await call('hosts.remove', { id });
    await app.shutdown();

    const files = await readdir(app.dir);
    for (const f of files) expect(await readFile(join(app.dir, f), 'utf8'), f).not.toContain(secret);
    const everything = JSON.stringify({ results, seen, logs });
    expect(everything).not.toContain(secret);
    expect(results.length).toBeGreaterThan(CALL_NAMES.length);
  });
});
