// Pool bookkeeping with an in-process fake session (no BMC): sharing, idle close, LRU cap, drop on
// transport errors, reopen on host edits, close all. Real sessions are exercised by the e2e specs.
import { describe, expect, it, vi } from 'vitest';
import type { ConnectOptions, IpmiSession } from '../ipmi/client/connect';
import { IpmiError } from '../ipmi/errors';
import type { Host } from '../../shared/domain/host';
import { MemoryCredentialStore } from './credentials';
import { SessionPool, NoPasswordError } from './session-pool';

function host(id: string, patch: Partial<Host> = {}): Host {
  return {
    id,
    name: id,
    address: '192.0.2.1',
    port: 623,
    username: 'admin',
    interface: 'lanplus',
    cipherSuite: 'auto',
    privilege: 'administrator',
    groups: [],
    notes: '',
    ...patch,
  };
}

function setup(opts: { maxOpen?: number; idleMs?: number } = {}) {
  const hosts = new Map<string, Host>();
  const opened: ConnectOptions[] = [];
  const closed: string[] = [];
  const creds = new MemoryCredentialStore();
  const connect = vi.fn(async (o: ConnectOptions): Promise<IpmiSession> => {
    opened.push(o);
    return {
      host: o.host,
      info: undefined,
      stats: {} as IpmiSession['stats'],
      request: async () => Buffer.alloc(0),
      raw: async () => ({ completionCode: 0, data: Buffer.alloc(0) }),
      bridged: () => {
        throw new Error('n/a');
      },
      close: async () => {
        closed.push(o.host);
      },
    };
  });
  const pool = new SessionPool({
    connect,
    credentials: creds,
    resolveHost: (id) => {
      const h = hosts.get(id);
      if (!h) throw new Error('unknown');
      return h;
    },
    ...opts,
  });
  return { pool, hosts, opened, closed, creds, connect };
}

describe('session pool', () => {
  it('shares one session per host, including concurrent first use', async () => {
    const { pool, hosts, creds, connect } = setup();
    hosts.set('h1aaaaaa', host('h1aaaaaa'));
    await creds.set('h1aaaaaa', 'pw');
    await Promise.all([1, 2, 3].map(() => pool.use('h1aaaaaa', async () => 1)));
    await pool.use('h1aaaaaa', async () => 1);
    expect(connect).toHaveBeenCalledTimes(1);
    expect(connect.mock.calls[0]![0]).toMatchObject({
      host: '192.0.2.1',
      username: 'admin',
      password: 'pw',
      interface: 'lanplus',
    });
  });

  it('needs a stored password', async () => {
    const { pool, hosts } = setup();
    hosts.set('h1aaaaaa', host('h1aaaaaa'));
    await expect(pool.use('h1aaaaaa', async () => 1)).rejects.toBeInstanceOf(NoPasswordError);
    expect(pool.size).toBe(0);
  });

  it('closes idle sessions and reopens on demand', async () => {
    vi.useFakeTimers();
    try {
      const { pool, hosts, creds, closed, connect } = setup({ idleMs: 1000 });
      hosts.set('h1aaaaaa', host('h1aaaaaa'));
      await creds.set('h1aaaaaa', 'pw');
      await pool.use('h1aaaaaa', async () => 1);
      await vi.advanceTimersByTimeAsync(1500);
      expect(closed).toEqual(['192.0.2.1']);
      expect(pool.size).toBe(0);
      await pool.use('h1aaaaaa', async () => 1);
      expect(connect).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('caps open sessions, closing the least recently used', async () => {
    const { pool, hosts, creds, closed } = setup({ maxOpen: 2 });
    for (const [i, id] of ['h1aaaaaa', 'h2aaaaaa', 'h3aaaaaa'].entries()) {
      hosts.set(id, host(id, { address: `192.0.2.${i + 1}` }));
      await creds.set(id, 'pw');
    }
    await pool.use('h1aaaaaa', async () => 1);
    await new Promise((r) => setTimeout(r, 2));
    await pool.use('h2aaaaaa', async () => 1);
    await new Promise((r) => setTimeout(r, 2));
    await pool.use('h1aaaaaa', async () => 1); // h2 is now the least recent
    await pool.use('h3aaaaaa', async () => 1);
    expect(closed).toEqual(['192.0.2.2']);
    expect(pool.size).toBe(2);
    await pool.closeAll();
  });

  it('drops a session after a transport error, keeps it after a completion code', async () => {
    const { pool, hosts, creds, connect } = setup();
    hosts.set('h1aaaaaa', host('h1aaaaaa'));
    await creds.set('h1aaaaaa', 'pw');
    await expect(
      pool.use('h1aaaaaa', async () => Promise.reject(new IpmiError('completion-code', 'x'))),
    ).rejects.toThrow();
    expect(pool.isOpen('h1aaaaaa')).toBe(true);
    await expect(
      pool.use('h1aaaaaa', async () => Promise.reject(new IpmiError('timeout', 'x'))),
    ).rejects.toThrow();
    expect(pool.isOpen('h1aaaaaa')).toBe(false);
    await pool.use('h1aaaaaa', async () => 1);
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('a host edit (new address) opens a new session and closes the old', async () => {
    const { pool, hosts, creds, closed, opened } = setup();
    hosts.set('h1aaaaaa', host('h1aaaaaa'));
    await creds.set('h1aaaaaa', 'pw');
    await pool.use('h1aaaaaa', async () => 1);
    hosts.set('h1aaaaaa', host('h1aaaaaa', { address: '192.0.2.99' }));
    await pool.use('h1aaaaaa', async () => 1);
    expect(closed).toEqual(['192.0.2.1']);
    expect(opened.map((o) => o.host)).toEqual(['192.0.2.1', '192.0.2.99']);
  });

  it('closeAll closes everything and refuses new work', async () => {
    const { pool, hosts, creds, closed } = setup();
    for (const id of ['h1aaaaaa', 'h2aaaaaa']) {
      hosts.set(id, host(id));
      await creds.set(id, 'pw');
      await pool.use(id, async () => 1);
    }
    await pool.closeAll();
    expect(closed).toHaveLength(2);
    await expect(pool.use('h1aaaaaa', async () => 1)).rejects.toThrow(/shut down/);
  });
});
