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

export class KeyringCredentialStore implements CredentialStore {
  readonly backend = 'os' as const;
  constructor(
    private readonly Entry: AsyncEntryCtor,
    private readonly service = KEYCHAIN_SERVICE,
  ) {}
  #entry(account: string): AsyncEntryLike {
    return new this.Entry(this.service, account);
  }
  async set(account: string, password: string): Promise<void> {
    await this.#entry(account).setPassword(password);
  }
  async get(account: string): Promise<string | null> {
    return this.#entry(account).getPassword();
  }
  async has(account: string): Promise<boolean> {
    return (await this.#entry(account).getPassword()) !== null;
  }
  async delete(account: string): Promise<boolean> {
    try {
      return await this.#entry(account).deletePassword();
    } catch (e) {
      // keyring reports "no entry" as an error on some platforms; absence is not a failure here
      if (/no (matching )?(entry|result)|not found/i.test(String((e as Error)?.message))) return false;
      throw e;
    }
  }
}

function loadKeyring(): AsyncEntryCtor {
  const require = createRequire(import.meta.url);
  return (require('@napi-rs/keyring') as { AsyncEntry: AsyncEntryCtor }).AsyncEntry;
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
    const store = new KeyringCredentialStore(loadKeyring(), opts.service ?? KEYCHAIN_SERVICE);
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
