// One IPMI session per host, shared by every page and window. Keyed by host id plus the connection
// parameters, so editing a host's address or user opens a fresh session. Idle sessions are closed after
// `idleMs`; at most `maxOpen` stay open (the least recently used idle one is closed first); a session
// that failed with a transport-level error is dropped and re-opened on the next call.
import type { ConnectOptions, IpmiSession } from '../ipmi/client/connect';
import type { Requester } from '../ipmi/client/requester';
import { IpmiError } from '../ipmi/errors';
import type { Host } from '../../shared/domain/host';
import type { CredentialStore } from './credentials';

export interface SessionPoolOptions {
  connect: (options: ConnectOptions) => Promise<IpmiSession>;
  credentials: CredentialStore;
  /** current host record by id (throws if unknown) */
  resolveHost: (hostId: string) => Host;
  maxOpen?: number;
  idleMs?: number;
  /** extra connect options (timeouts, shared endpoint) */
  connectDefaults?: Partial<ConnectOptions>;
}

export class NoPasswordError extends Error {
  constructor(readonly host: string) {
    super(`no password stored for ${host}`);
    this.name = 'NoPasswordError';
  }
}

interface Entry {
  key: string;
  hostId: string;
  opening: Promise<IpmiSession>;
  session: IpmiSession | undefined;
  inUse: number;
  lastUsed: number;
  idleTimer: ReturnType<typeof setTimeout> | undefined;
}

/** errors after which the session is not trusted any more */
const DROP_KINDS = new Set(['closed', 'timeout', 'protocol']);

export class SessionPool {
  readonly #entries = new Map<string, Entry>(); // by host id
  readonly #maxOpen: number;
  readonly #idleMs: number;
  #closed = false;

  constructor(private readonly opts: SessionPoolOptions) {
    this.#maxOpen = opts.maxOpen ?? 64;
    this.#idleMs = opts.idleMs ?? 60_000;
  }

  get size(): number {
    return this.#entries.size;
  }
  isOpen(hostId: string): boolean {
    return this.#entries.get(hostId)?.session !== undefined;
  }

  /** Runs `fn` on the host's session, opening it if needed. */
  async use<T>(
    hostId: string,
    fn: (session: Requester & Pick<IpmiSession, 'info'>) => Promise<T>,
  ): Promise<T> {
    const entry = await this.#acquire(hostId);
    try {
      const session = await entry.opening;
      return await fn(session);
    } catch (e) {
      if (e instanceof IpmiError && DROP_KINDS.has(e.kind)) await this.#drop(entry);
      throw e;
    } finally {
      this.#release(entry);
    }
  }

  /** The host's session as a Requester if one is open now with the host's current parameters, else
   *  undefined (nothing is opened). For callers that would otherwise log in for one request (the fleet):
   *  every request goes through use(), so it keeps the session busy meanwhile and drops it on a
   *  transport error like any other use. */
  openRequester(hostId: string): Requester | undefined {
    const e = this.#entries.get(hostId);
    if (this.#closed || !e?.session) return undefined;
    let host: Host;
    try {
      host = this.opts.resolveHost(hostId);
    } catch {
      return undefined;
    }
    if (sessionKey(host) !== e.key) return undefined;
    return {
      host: e.session.host,
      request: (req, o) => this.use(hostId, (s) => s.request(req, o)),
      raw: (req, o) => this.use(hostId, (s) => s.raw(req, o)),
    };
  }

  /** Opens a session outside the pool (a one-shot caller closes it itself), with the pool's connect
   *  defaults under the caller's options. */
  connectUnpooled(options: ConnectOptions): Promise<IpmiSession> {
    return this.opts.connect({ ...this.opts.connectDefaults, ...options });
  }

  /** The stored password of a host, or NoPasswordError. */
  async password(host: Host): Promise<string> {
    const password = await this.opts.credentials.get(host.id);
    if (password === null) throw new NoPasswordError(host.name);
    return password;
  }

  async close(hostId: string): Promise<boolean> {
    const e = this.#entries.get(hostId);
    if (!e) return false;
    await this.#drop(e);
    return true;
  }

  /** Closes every session (app quit); later calls are refused. */
  async closeAll(): Promise<void> {
    this.#closed = true;
    await Promise.all([...this.#entries.values()].map((e) => this.#drop(e)));
  }

  async #acquire(hostId: string): Promise<Entry> {
    if (this.#closed) throw new IpmiError('closed', 'the session pool is shut down');
    const host = this.opts.resolveHost(hostId);
    const key = sessionKey(host);
    const existing = this.#entries.get(hostId);
    if (existing && existing.key === key) {
      existing.inUse += 1;
      existing.lastUsed = Date.now();
      if (existing.idleTimer) clearTimeout(existing.idleTimer);
      existing.idleTimer = undefined;
      return existing;
    }
    // register the new entry before any await, so concurrent first uses share it
    const entry: Entry = {
      key,
      hostId,
      opening: undefined as never,
      session: undefined,
      inUse: 1,
      lastUsed: Date.now(),
      idleTimer: undefined,
    };
    this.#entries.set(hostId, entry);
    entry.opening = (async () => {
      if (existing) await this.#drop(existing); // the host was edited
      await this.#makeRoom(entry);
      return this.#open(host);
    })().then(
      (s) => {
        entry.session = s;
        return s;
      },
      (err: unknown) => {
        if (this.#entries.get(hostId) === entry) this.#entries.delete(hostId);
        throw err;
      },
    );
    return entry;
  }

  async #open(host: Host): Promise<IpmiSession> {
    const password = await this.password(host);
    return this.opts.connect({
      ...this.opts.connectDefaults,
      host: host.address,
      port: host.port,
      username: host.username,
      password,
      interface: host.interface,
      cipherSuite: host.cipherSuite,
      privilege: host.privilege,
    });
  }

  #release(entry: Entry): void {
    entry.inUse -= 1;
    entry.lastUsed = Date.now();
    if (entry.inUse === 0 && this.#entries.get(entry.hostId) === entry) {
      entry.idleTimer = setTimeout(() => void this.#drop(entry), this.#idleMs);
      entry.idleTimer.unref?.();
    }
  }

  async #makeRoom(keep: Entry): Promise<void> {
    while (this.#entries.size > this.#maxOpen) {
      const idle = [...this.#entries.values()]
        .filter((e) => e.inUse === 0 && e !== keep)
        .sort((a, b) => a.lastUsed - b.lastUsed);
      const victim = idle[0];
      if (!victim) return; // every session busy: allow going over the cap rather than deadlock
      await this.#drop(victim);
    }
  }

  async #drop(entry: Entry): Promise<void> {
    if (entry.idleTimer) clearTimeout(entry.idleTimer);
    entry.idleTimer = undefined;
    if (this.#entries.get(entry.hostId) === entry) this.#entries.delete(entry.hostId);
    if (!entry.opening) return;
    try {
      const s = await entry.opening;
      await s.close();
    } catch {
      // a session that never opened, or a close that failed: nothing left to release
    }
  }
}

export function sessionKey(h: Host): string {
  return JSON.stringify([h.id, h.address, h.port, h.username, h.interface, h.cipherSuite, h.privilege]);
}
