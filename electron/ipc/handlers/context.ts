// What every handler family gets: the services of one app instance (Electron main or the e2e host).
import type { HostInventory } from '../../services/host-inventory';
import type { CredentialStore } from '../../services/credentials';
import type { SessionPool } from '../../services/session-pool';
import type { EventBus } from '../events';
import type { OperationRegistry } from '../operations';
import type { PlanStore } from '../../services/plan-store';
import type { SdrCache } from '../../services/sdr-cache';
import type { HostStatusService } from '../../services/host-status/host-status-service';
import type { HostSummary } from '../../../shared/contract/hosts';
import type { Host } from '../../../shared/domain/host';

export interface AppServices {
  readonly version: string;
  readonly inventory: HostInventory;
  readonly credentials: CredentialStore;
  readonly pool: SessionPool;
  readonly events: EventBus;
  readonly operations: OperationRegistry;
  /** lan/firewall/users plans awaiting apply (shared/domain/plan.ts) */
  readonly plans: PlanStore;
  /** SDR records per host, in memory and under userData/sdr-cache (services/sdr-cache.ts) */
  readonly sdr: SdrCache;
  /** background power/health polling of every host (services/host-status) */
  readonly hostStatus: HostStatusService;
}

export function keychainStatus(s: AppServices): { backend: 'os' | 'memory'; detail?: string } {
  return s.credentials.detail
    ? { backend: s.credentials.backend, detail: s.credentials.detail }
    : { backend: s.credentials.backend };
}

export async function summarize(s: AppServices, h: Host): Promise<HostSummary> {
  return { ...h, hasPassword: await s.credentials.has(h.id) };
}
