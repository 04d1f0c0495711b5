// The app's background host status: a poller over the inventory, asking each host through probe.ts,
// publishing the changed hosts as one 'hosts.status' event per tick. It starts on the first snapshot
// (the first window that shows the host list), so an app instance that never shows it (tests, the
// CLI) sends nothing; it follows the inventory on every 'hosts.changed'.
import type { HostStatus, HostStatusConfig } from '../../../shared/contract/host-status';
import type { Host } from '../../../shared/domain/host';
import type { ErrorData } from '../../../shared/errors';
import type { CredentialStore } from '../credentials';
import type { SdrCache } from '../sdr-cache';
import { sessionKey, type SessionPool } from '../session-pool';
import { HostStatusPoller, type PollerClock } from './poller';
import { createProbe, credentialFingerprint } from './probe';

export interface HostStatusServices {
  inventory: { list(): Host[]; require(hostId: string): Host };
  pool: Pick<SessionPool, 'openRequester' | 'password' | 'connectUnpooled'>;
  sdr: Pick<SdrCache, 'load'>;
  credentials: Pick<CredentialStore, 'get'>;
  toErrorData: (e: unknown) => ErrorData;
  publish: (changed: HostStatus[]) => void;
  clock?: PollerClock;
  config?: Partial<HostStatusConfig>;
}

export class HostStatusService {
  readonly #poller: HostStatusPoller;

  constructor(private readonly s: HostStatusServices) {
    this.#poller = new HostStatusPoller({
      probe: createProbe(s),
      credential: async (hostId) => {
        const pw = await s.credentials.get(hostId);
        return pw === null ? undefined : credentialFingerprint(pw);
      },
      publish: s.publish,
      ...(s.clock ? { clock: s.clock } : {}),
      ...(s.config ? { config: s.config } : {}),
    });
    this.hostsChanged();
  }

  /** The inventory changed: follow it (added and edited hosts are asked soon, removed ones never again). */
  hostsChanged(): void {
    this.#poller.setHosts(this.s.inventory.list().map((h) => ({ hostId: h.id, key: sessionKey(h) })));
  }

  /** Every host's last known status; starts polling if it was not yet running. */
  snapshot(): { hosts: HostStatus[]; config: HostStatusConfig } {
    this.#poller.start();
    return { hosts: this.#poller.snapshot(), config: this.#poller.config };
  }

  configure(patch: Partial<HostStatusConfig>): HostStatusConfig {
    return this.#poller.configure(patch);
  }

  stop(): void {
    this.#poller.stop();
  }
}
