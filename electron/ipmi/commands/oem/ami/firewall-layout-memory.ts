// What firewall-read.ts learned about one BMC's Get Firewall dialect, remembered in memory per BMC so the
// next read goes straight to the form that worked (no second 0xC7 round trip, no count probe on a BMC
// that has no count selector).
//
// Why here, in the command layer, and keyed by host: the layout is a property of the BMC's firmware, and
// every caller (the CLI, an `exec` batch, the app's IPC handlers, the lock-out guard) reads through
// readFirewall, so one small process-wide map serves them all without a service having to thread it
// through. The key is the BMC as the user named it, port included when not 623 (the SDR cache's key),
// not a Get Device ID identity, because asking for that would cost a round trip on every read. A firmware
// update behind the same address is still caught: every reply is checked against the remembered layout
// and a misfit starts detection afresh, so a stale entry costs at most one detection, never a wrong list.
// Nothing is written to disk: detection is cheap and a file would outlive the firmware it describes.
import type { GetLayoutId } from './firewall-get-layouts';

export interface LearnedDialect {
  /** the layout the replies fit, 'unknown' when they fit none (the raw bytes were shown), undefined when
   *  nothing told the layouts apart yet (no rules on a BMC without a count selector) */
  layout: GetLayoutId | 'unknown' | undefined;
  /** count and is-block-all need the 1-byte request (`[param]`): `[param, 0]` was answered 0xC7 */
  shortSelectors: boolean;
  /** the BMC answers the count selector; false: entries are walked until 0xC9 (the seed's `0x77 0x01 i`) */
  countSelector: boolean;
}

/** At most this many BMCs are remembered; the oldest is forgotten first (a fleet of thousands stays small). */
const MAX_HOSTS = 4096;

export class FirewallLayoutMemory {
  private readonly byHost = new Map<string, LearnedDialect>();

  get(hostKey: string): LearnedDialect | undefined {
    return this.byHost.get(hostKey);
  }

  set(hostKey: string, dialect: LearnedDialect): void {
    this.byHost.delete(hostKey); // re-insert: Map order is the eviction order
    this.byHost.set(hostKey, { ...dialect });
    if (this.byHost.size > MAX_HOSTS) this.byHost.delete(this.byHost.keys().next().value!);
  }

  forget(hostKey: string): void {
    this.byHost.delete(hostKey);
  }
}

/** The process-wide memory every read uses unless the caller passes its own (tests do). */
export const firewallLayoutMemory = new FirewallLayoutMemory();
