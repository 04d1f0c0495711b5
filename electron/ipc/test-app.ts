// Test support (unit tests and the e2e host): an app instance in a temp folder with an in-memory
// credential store, optionally seeded with hosts of known ids.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConnectOptions, IpmiSession } from '../ipmi/client/connect';
import type { Host } from '../../shared/domain/host';
import { MemoryCredentialStore, type CredentialStore } from '../services/credentials';
import { INVENTORY_FILE, INVENTORY_VERSION } from '../services/host-inventory';
import { createApp, type App } from './app-services';

export const EXAMPLE_HOST: Host = {
  id: 'h0example01',
  name: 'example',
  address: '127.0.0.1',
  port: 9,
  username: 'admin',
  interface: 'lanplus',
  cipherSuite: 'auto',
  privilege: 'administrator',
  groups: [],
  notes: '',
};

export async function seedInventory(dir: string, hosts: Host[]): Promise<void> {
  await writeFile(
    join(dir, INVENTORY_FILE),
    JSON.stringify({ format: 'bmc-desk-hosts', version: INVENTORY_VERSION, generation: 1, hosts }),
  );
}

export async function testApp(o: {
  hosts?: Host[];
  passwords?: Record<string, string>;
  credentials?: CredentialStore;
  connect: (options: ConnectOptions) => Promise<IpmiSession>;
  log?: (line: string) => void;
}): Promise<App & { dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'bmcdesk-test-'));
  if (o.hosts) await seedInventory(dir, o.hosts);
  const credentials = o.credentials ?? new MemoryCredentialStore('test');
  for (const [id, pw] of Object.entries(o.passwords ?? {})) await credentials.set(id, pw);
  const app = await createApp({
    userDataDir: dir,
    version: '0.0.0-test',
    credentials,
    connect: o.connect,
    ...(o.log ? { log: o.log } : {}),
  });
  return Object.assign(app, { dir });
}
