// mc.reset: send Warm or Cold Reset on the host's pooled session, drop that session (the BMC forgets its
// sessions when it restarts), then log in afresh every `pollMs` until the BMC answers Get Device ID or
// the wait runs out. A grace period comes first: a BMC answers the reset before it goes down, and a poll
// in that instant would report it "back" before it ever left.
import type { ConnectOptions, IpmiSession } from '../ipmi/client/connect';
import type { Requester } from '../ipmi/client/requester';
import { coldReset } from '../ipmi/commands/app/cold-reset';
import { warmReset } from '../ipmi/commands/app/warm-reset';
import { IpmiError, isIpmiError } from '../ipmi/errors';
import type { DeviceInfo } from '../../shared/domain/device';
import type { Host } from '../../shared/domain/host';
import { readDeviceView } from '../views/device';
import { withOptions } from '../views/requester-options';

export type ResetKind = 'warm' | 'cold';
export type ResetPhase = 'sent' | 'waiting' | 'back';

export interface McResetDeps {
  host: Host;
  password: string;
  /** runs fn on the host's pooled session */
  use<T>(fn: (r: Requester) => Promise<T>): Promise<T>;
  /** drops the pooled session */
  closePooled(): Promise<unknown>;
  connectUnpooled(o: ConnectOptions): Promise<IpmiSession>;
}

export interface McResetOptions {
  signal?: AbortSignal;
  waitMs?: number;
  /** before the first poll; default 2000 ms */
  graceMs?: number;
  /** between polls; default 1000 ms */
  pollMs?: number;
  progress?: (p: { phase: ResetPhase; elapsedMs: number; attempt: number }) => void;
  now?: () => number;
}

export interface McResetResult {
  kind: ResetKind;
  back: boolean;
  elapsedMs: number;
  device?: DeviceInfo;
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

const cancelled = () => new IpmiError('cancelled', 'mc reset: cancelled while waiting for the BMC');

export async function resetAndWait(
  d: McResetDeps,
  kind: ResetKind,
  o: McResetOptions = {},
): Promise<McResetResult> {
  const now = o.now ?? (() => performance.now());
  const t0 = now();
  const elapsed = () => Math.max(0, Math.round(now() - t0));
  const signal = o.signal;
  const waitMs = o.waitMs ?? 120_000;
  await d.use(async (r) => {
    const q = withOptions(r, signal ? { signal } : {});
    try {
      await (kind === 'cold' ? coldReset(q) : warmReset(q));
    } catch (e) {
      // a BMC may restart before its answer leaves (the spec allows it for both resets)
      if (!(isIpmiError(e) && e.kind === 'timeout')) throw e;
    }
  });
  o.progress?.({ phase: 'sent', elapsedMs: elapsed(), attempt: 0 });
  await d.closePooled().catch(() => undefined);
  await sleep(o.graceMs ?? 2000, signal);
  for (let attempt = 1; ; attempt++) {
    let session: IpmiSession | undefined;
    try {
      session = await d.connectUnpooled({
        host: d.host.address,
        port: d.host.port,
        username: d.host.username,
        password: d.password,
        interface: d.host.interface,
        cipherSuite: d.host.cipherSuite,
        privilege: d.host.privilege,
        timeoutMs: 500,
        retries: 1,
      });
      const device = await readDeviceView(session, signal ? { signal } : {});
      o.progress?.({ phase: 'back', elapsedMs: elapsed(), attempt });
      return { kind, back: true, elapsedMs: elapsed(), device };
    } catch (e) {
      if (signal?.aborted) throw cancelled();
      // a refused login (wrong password after a reset to defaults) will not mend by waiting
      if (isIpmiError(e) && !['timeout', 'closed', 'protocol', 'rmcp-status'].includes(e.kind)) throw e;
      o.progress?.({ phase: 'waiting', elapsedMs: elapsed(), attempt });
    } finally {
      await session?.close().catch(() => undefined);
    }
    if (elapsed() >= waitMs) return { kind, back: false, elapsedMs: elapsed() };
    await sleep(o.pollMs ?? 1000, signal);
  }
}
