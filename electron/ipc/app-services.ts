// Builds one app instance's services and dispatcher. Used by the Electron main process and by the e2e
// WebSocket host, so both run exactly the same handlers.
import type { ConnectOptions, IpmiSession } from '../ipmi/client/connect';
import { HostInventory } from '../services/host-inventory';
import { openCredentialStore, type CredentialStore } from '../services/credentials';
import { SessionPool } from '../services/session-pool';
import { EventBus } from './events';
import { OperationRegistry } from './operations';
import { PlanStore } from '../services/plan-store';
import { SdrCache } from '../services/sdr-cache';
import { join } from 'node:path';
import { createDispatch, type Dispatch } from './dispatch';
import { createHandlers } from './table';
import type { AppServices } from './handlers/context';
import { HostStatusService } from '../services/host-status/host-status-service';
import { toErrorData } from './errors';

export interface AppOptions {
  userDataDir: string;
  version: string;
  /** default: the OS keychain, else memory */
  credentials?: CredentialStore;
  connect: (options: ConnectOptions) => Promise<IpmiSession>;
  connectDefaults?: Partial<ConnectOptions>;
  maxSessions?: number;
  idleMs?: number;
  log?: (line: string) => void;
}

export interface App {
  readonly services: AppServices;
  readonly dispatch: Dispatch;
  /** cancels operations and closes every session */
  shutdown(): Promise<void>;
}

export async function createApp(o: AppOptions): Promise<App> {
  const inventory = await HostInventory.open(o.userDataDir);
  const credentials = o.credentials ?? (await openCredentialStore());
  const events = new EventBus();
  const operations = new OperationRegistry(events);
  const pool = new SessionPool({
    connect: o.connect,
    credentials,
    resolveHost: (id) => inventory.require(id),
    ...(o.maxSessions !== undefined ? { maxOpen: o.maxSessions } : {}),
    ...(o.idleMs !== undefined ? { idleMs: o.idleMs } : {}),
    ...(o.connectDefaults ? { connectDefaults: o.connectDefaults } : {}),
  });
  const sdr = new SdrCache(join(o.userDataDir, 'sdr-cache'));
  const hostStatus = new HostStatusService({
    inventory,
    pool,
    sdr,
    credentials,
    toErrorData: (e) => toErrorData(e),
    publish: (hosts) => events.emit('hosts.status', { hosts }),
  });
  // the poller follows the inventory through the same event the windows get
  events.subscribe((name) => name === 'hosts.changed' && hostStatus.hostsChanged());
  const services: AppServices = {
    version: o.version,
    inventory,
    credentials,
    pool,
    events,
    operations,
    plans: new PlanStore(),
    sdr,
    hostStatus,
  };
  const shutdownCtl = new AbortController();
  const dispatch = createDispatch(createHandlers(services), {
    operations,
    shutdown: shutdownCtl.signal,
    ...(o.log ? { log: o.log } : {}),
  });
  if (inventory.notice)
    o.log?.(`inventory: ${inventory.restoredFromBackup ? 'restored from backup' : 'damaged, started empty'}`);
  return {
    services,
    dispatch,
    shutdown: async () => {
      shutdownCtl.abort();
      hostStatus.stop();
      operations.cancelAll();
      await inventory.flush();
      await pool.closeAll();
    },
  };
}
