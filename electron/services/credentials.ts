// Where BMC passwords live: the OS keychain (macOS Keychain, Windows Credential Manager, Secret Service
// on Linux) through @napi-rs/keyring, one entry per host id. If no keychain answers, passwords are kept
// in this process's memory for this run only and `backend` says so, so the UI can warn. There is never a
// file fallback: an obfuscated file is a plaintext file.
import { createRequire } from 'node:module';

export const KEYCHAIN_SERVICE = 'BMC Desk';

export interface CredentialStore {
  readonly backend: 'os' | 'memory';
  /** why the OS keychain is not used (memory backend only) */
  readonly detail?: string;
  set(account: string, password: string): Promise<void>;
  /** main process only: handed to connect(), never to the renderer */
  get(account: string): Promise<string | null>;
  has(account: string): Promise<boolean>;
  /** true if something was deleted */
  delete(account: string): Promise<boolean>;
}

export class MemoryCredentialStore implements CredentialStore {
  readonly backend = 'memory' as const;
  readonly detail: string | undefined;
  readonly #secrets = new Map<string, string>();
  constructor(detail?: string) {
    this.detail = detail;
  }
  async set(account: string, password: string): Promise<void> {
    this.#secrets.set(account, password);
  }
  async get(account: string): Promise<string | null> {
    return this.#secrets.get(account) ?? null;
  }
  async has(account: string): Promise<boolean> {
    return this.#secrets.has(account);
  }
  async delete(account: string): Promise<boolean> {
    return this.#secrets.delete(account);
  }
}

interface AsyncEntryLike {
  setPassword(password: string): Promise<void>;
  getPassword(): Promise<string | null>;
  deletePassword(): Promise<boolean>;
}
type AsyncEntryCtor = new (service: string, account: string) => AsyncEntryLike;
/** Every entry of one service in one keychain query (Secret Service SearchItems) */
type FindCredentials = (service: string) => Promise<{ account: string; password: string }[]>;

/**
 * Keychain calls in flight at once. On Linux each call opens a D-Bus connection that stays open until the
 * entry object is garbage-collected, and gnome-keyring answers one at a time anyway (about 6 ms a lookup,
 * no faster in parallel). Asked per host, a list of 1,000 hosts held 1,000 sockets; past descriptor 1024
 * libdbus's select() spun at 100 % CPU forever. So entries are read with one query and kept in memory
 * (main holds the passwords it logs in with anyway), and the rare writes go one or two at a time.
 */
const KEYCHAIN_CONCURRENCY = 2;

export class KeyringCredentialStore implements CredentialStore {
  readonly backend = 'os' as const;
  #running = 0;
  readonly #waiting: (() => void)[] = [];
  /** this service's entries, read once with one query and kept current by our own set/delete; null when
   *  the keychain cannot list them (then each account is asked on its own) */
  #entries: Promise<Map<string, string> | null> | undefined;
  constructor(
    private readonly Entry: AsyncEntryCtor,
    private readonly service = KEYCHAIN_SERVICE,
    private readonly find?: FindCredentials,
  ) {}
  #entry(account: string): AsyncEntryLike {
    return new this.Entry(this.service, account);
  }
  async #limited<T>(f: () => Promise<T>): Promise<T> {
    if (this.#running >= KEYCHAIN_CONCURRENCY) await new Promise<void>((r) => this.#waiting.push(r));
    this.#running++;
    try {
      return await f();
    } finally {
      this.#running--;
      this.#waiting.shift()?.();
    }
  }
  #all(): Promise<Map<string, string> | null> {
    const find = this.find;
    if (!find) return Promise.resolve(null);
    this.#entries ??= this.#limited(async () => {
      try {
        return new Map((await find(this.service)).map((c) => [c.account, c.password]));
      } catch {
        return null;
      }
    });
    return this.#entries;
  }
  async #note(account: string, password: string | null): Promise<void> {
    if (!this.#entries) return;
    const all = await this.#entries;
    if (password === null) all?.delete(account);
    else all?.set(account, password);
  }
  async set(account: string, password: string): Promise<void> {
    await this.#limited(() => this.#entry(account).setPassword(password));
    await this.#note(account, password);
  }
  async get(account: string): Promise<string | null> {
    const all = await this.#all();
    if (all) return all.get(account) ?? null;
    return this.#limited(() => this.#entry(account).getPassword());
  }
  async has(account: string): Promise<boolean> {
    return (await this.get(account)) !== null;
  }
  async delete(account: string): Promise<boolean> {
    let deleted: boolean;
    try {
      deleted = await this.#limited(() => this.#entry(account).deletePassword());
    } catch (e) {
      // keyring reports "no entry" as an error on some platforms; absence is not a failure here
      if (!/no (matching )?(entry|result)|not found/i.test(String((e as Error)?.message))) throw e;
      deleted = false;
    }
    await this.#note(account, null);
    return deleted;
  }
}

function loadKeyring(): { Entry: AsyncEntryCtor; find: FindCredentials } {
  const require = createRequire(import.meta.url);
  const m = require('@napi-rs/keyring') as {
    AsyncEntry: AsyncEntryCtor;
    findCredentialsAsync: FindCredentials;
  };
  return { Entry: m.AsyncEntry, find: (service) => m.findCredentialsAsync(service) };
}

/**
 * Opens the OS keychain and proves it works with a set/get/delete round trip on a probe entry. If that
 * fails (no Secret Service, locked, module missing), returns the in-memory store with the reason.
 */
export async function openCredentialStore(
  opts: { service?: string; forceMemory?: string } = {},
): Promise<CredentialStore> {
  if (opts.forceMemory) return new MemoryCredentialStore(opts.forceMemory);
  try {
    const keyring = loadKeyring();
    const store = new KeyringCredentialStore(keyring.Entry, opts.service ?? KEYCHAIN_SERVICE, keyring.find);
    const probe = `probe-${process.pid}-${Date.now()}`;
    await withTimeout(store.set(probe, 'probe'), 5000);
    const back = await withTimeout(store.get(probe), 5000);
    await withTimeout(store.delete(probe), 5000);
    if (back !== 'probe') throw new Error('keychain did not return what was stored');
    return store;
  } catch (e) {
    return new MemoryCredentialStore(
      `OS keychain unavailable (${firstLine(e)}); passwords are kept in memory for this run only`,
    );
  }
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 200);
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(
      (v) => (clearTimeout(t), resolve(v)),
      (e: unknown) => (clearTimeout(t), reject(e)),
    );
  });
}
