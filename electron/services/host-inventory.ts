// The host list, kept as versioned JSON in the user-data folder.
// - Atomic writes: write a temp file, fsync, keep the current file as the previous generation
//   (hosts.json.bak), rename the temp file over hosts.json, fsync the folder. Temp files left by a
//   crashed or failed write (hosts.json.tmp-<pid>-<hex>, from a process no longer running) are
//   removed at load.
// - A file that does not parse or validate is set aside (hosts.json.corrupt-<time>) and the backup
//   restored; `restoredFromBackup` and `notice` tell the UI.
// - Every mutation runs in one queue, and each applies to the state the previous one left, so
//   concurrent saves never lose a host.
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, rename, mkdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import {
  host,
  hostDraft,
  hostPatch,
  type Host,
  type HostDraft,
  type HostPatch,
} from '../../shared/domain/host';

export const INVENTORY_FILE = 'hosts.json';
export const INVENTORY_VERSION = 1;

const fileSchema = z.strictObject({
  format: z.literal('bmc-desk-hosts'),
  version: z.literal(INVENTORY_VERSION),
  generation: z.number().int().min(0),
  hosts: z.array(host),
});
type InventoryFile = z.infer<typeof fileSchema>;

export class HostNotFoundError extends Error {
  constructor(readonly id: string) {
    super(`no host with id ${id}`);
    this.name = 'HostNotFoundError';
  }
}

export function newHostId(): string {
  return 'h' + randomBytes(8).toString('hex');
}

export class HostInventory {
  #hosts: Host[] = [];
  #generation = 0;
  #queue: Promise<unknown> = Promise.resolve();
  restoredFromBackup = false;
  notice: string | undefined;

  private constructor(readonly dir: string) {}

  get path(): string {
    return join(this.dir, INVENTORY_FILE);
  }
  get backupPath(): string {
    return this.path + '.bak';
  }

  static async open(dir: string): Promise<HostInventory> {
    const inv = new HostInventory(dir);
    await mkdir(dir, { recursive: true });
    await inv.#load();
    return inv;
  }

  list(): Host[] {
    return this.#hosts.map((h) => structuredClone(h));
  }
  get(id: string): Host | undefined {
    const h = this.#hosts.find((x) => x.id === id);
    return h && structuredClone(h);
  }
  require(id: string): Host {
    const h = this.get(id);
    if (!h) throw new HostNotFoundError(id);
    return h;
  }

  async add(draft: HostDraft): Promise<Host> {
    return (await this.addMany([draft]))[0]!;
  }

  /** All or nothing: every draft is validated before any is added. */
  async addMany(drafts: readonly HostDraft[]): Promise<Host[]> {
    const parsed = drafts.map((d) => hostDraft.parse(d));
    return this.#mutate((hosts) => {
      const added = parsed.map((d) => host.parse({ id: newHostId(), ...d }));
      return { hosts: [...hosts, ...added], result: added };
    });
  }

  async update(id: string, patch: HostPatch): Promise<Host> {
    const p = hostPatch.parse(patch);
    return this.#mutate((hosts) => {
      const i = hosts.findIndex((h) => h.id === id);
      if (i < 0) throw new HostNotFoundError(id);
      const defined = Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));
      const next = host.parse({ ...hosts[i], ...defined });
      const copy = [...hosts];
      copy[i] = next;
      return { hosts: copy, result: next };
    });
  }

  remove(id: string): Promise<boolean> {
    return this.#mutate((hosts) => {
      const next = hosts.filter((h) => h.id !== id);
      return { hosts: next, result: next.length !== hosts.length };
    });
  }

  /** Resolves when every queued write has reached the disk. */
  flush(): Promise<void> {
    return this.#queue.then(
      () => undefined,
      () => undefined,
    );
  }

  #mutate<T>(fn: (hosts: Host[]) => { hosts: Host[]; result: T }): Promise<T> {
    const run = this.#queue.then(async () => {
      const { hosts, result } = fn(this.#hosts);
      const file: InventoryFile = {
        format: 'bmc-desk-hosts',
        version: INVENTORY_VERSION,
        generation: this.#generation + 1,
        hosts,
      };
      await this.#write(file);
      this.#hosts = hosts;
      this.#generation = file.generation;
      return result;
    });
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #write(file: InventoryFile): Promise<void> {
    const tmp = `${this.path}${TEMP_INFIX}${process.pid}-${randomBytes(4).toString('hex')}`;
    const fh = await open(tmp, 'w', 0o600);
    try {
      await fh.writeFile(JSON.stringify(file, null, 2) + '\n', 'utf8');
      await fh.sync();
    } finally {
      await fh.close();
    }
    try {
      await rename(this.path, this.backupPath); // the current file becomes the previous generation
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    await rename(tmp, this.path);
    await syncDir(this.dir);
  }

  /**
   * Removes what a crashed or failed write of this inventory left behind: only names #write makes
   * (hosts.json.tmp-<pid>-<8 hex>) in this folder, and only from processes that are gone, so a
   * write in flight elsewhere is never pulled from under its rename. Best effort: a file that cannot
   * be removed does not stop the load.
   */
  async #removeStaleTemps(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch {
      return;
    }
    const pattern = new RegExp(`^${escapeRegExp(INVENTORY_FILE + TEMP_INFIX)}(\\d+)-[0-9a-f]{8}$`);
    await Promise.all(
      names.map(async (name) => {
        const m = pattern.exec(name);
        if (!m || processRunning(Number(m[1]))) return;
        await unlink(join(this.dir, name)).catch(() => undefined);
      }),
    );
  }

  async #load(): Promise<void> {
    await this.#removeStaleTemps();
    const main = await readInventory(this.path);
    if (main.ok) {
      this.#hosts = main.file.hosts;
      this.#generation = main.file.generation;
      return;
    }
    if (main.reason === 'missing') {
      const bak = await readInventory(this.backupPath);
      if (!bak.ok) return; // a fresh install
      // interrupted between the two renames of a write: the backup is the newest complete state
      return this.#restore(bak.file, 'The host list file was missing; it was restored from the backup copy.');
    }
    if (main.reason === 'newer')
      throw new Error(
        `${this.path} was written by a newer BMC Desk (format version ${main.version}); not touching it`,
      );
    const aside = `${this.path}.corrupt-${Date.now()}`;
    await rename(this.path, aside).catch(() => undefined);
    const bak = await readInventory(this.backupPath);
    if (bak.ok)
      return this.#restore(
        bak.file,
        `The host list file was damaged (${main.detail}); the previous copy was restored. The damaged file was kept as ${aside}.`,
      );
    this.restoredFromBackup = false;
    this.notice = `The host list file was damaged (${main.detail}) and no usable backup exists; starting with an empty list. The damaged file was kept as ${aside}.`;
  }

  async #restore(file: InventoryFile, notice: string): Promise<void> {
    this.#hosts = file.hosts;
    this.#generation = file.generation;
    this.restoredFromBackup = true;
    this.notice = notice;
    // write the restored state back as the main file; the backup keeps the same content
    await this.#write({ ...file, generation: file.generation + 1 });
    this.#generation = file.generation + 1;
  }
}

type ReadResult =
  | { ok: true; file: InventoryFile }
  | { ok: false; reason: 'missing' }
  | { ok: false; reason: 'newer'; version: number }
  | { ok: false; reason: 'corrupt'; detail: string };

async function readInventory(path: string): Promise<ReadResult> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: false, reason: 'missing' };
    return { ok: false, reason: 'corrupt', detail: (e as Error).message };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'corrupt', detail: `not valid JSON: ${(e as Error).message}` };
  }
  const v = (json as { version?: unknown } | null)?.version;
  if (typeof v === 'number' && v > INVENTORY_VERSION) return { ok: false, reason: 'newer', version: v };
  const parsed = fileSchema.safeParse(json);
  if (!parsed.success) {
    const i = parsed.error.issues[0]!;
    return { ok: false, reason: 'corrupt', detail: `${i.path.join('.') || 'file'}: ${i.message}` };
  }
  return { ok: true, file: parsed.data };
}

const TEMP_INFIX = '.tmp-';

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether a process with this id exists (EPERM: it does, owned by someone else). */
function processRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function syncDir(dir: string): Promise<void> {
  // fsync of a directory is not supported on Windows; the rename is still atomic there
  if (process.platform === 'win32') return;
  const fh = await open(dir, 'r');
  try {
    await fh.sync();
  } finally {
    await fh.close();
  }
}
