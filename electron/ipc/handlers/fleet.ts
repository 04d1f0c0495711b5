// Fleet calls over services/fleet.ts (fleetOnHosts: pooled session or one-shot login per host, bounded
// concurrency, cancel) with one action of services/fleet-actions.ts each. Every host's outcome goes out
// as one progress item the moment it is known, and again in the final result.
import type { AppServices } from './context';
import type { CallContext, Handlers } from '../dispatch';
import { toErrorData } from '../errors';
import type { ErrorData } from '../../../shared/errors';
import { fleetOnHosts, type FleetAction, type HostOutcome } from '../../services/fleet';
import { bootDevice, identify, POWER_STATUS, powerControl } from '../../services/fleet-actions';

type FleetCalls = 'fleet.powerStatus' | 'fleet.power' | 'fleet.identify' | 'fleet.bootDevice';
type Selection = { hostIds: string[]; concurrency?: number | undefined };

/** Runs `action` on the selection; `item` makes a host's outcome its progress/result item. */
async function streamed<T, I extends { hostId: string }>(
  s: AppServices,
  sel: Selection,
  ctx: CallContext,
  action: FleetAction<T>,
  item: (outcome: HostOutcome<T>, error: (e: unknown) => ErrorData) => I,
): Promise<{ results: I[]; cancelled: boolean }> {
  const results: I[] = [];
  const { cancelled } = await fleetOnHosts(s, sel.hostIds, action, {
    signal: ctx.signal,
    concurrency: sel.concurrency,
    onHost: (outcome) => {
      const it = item(outcome, (e) => toErrorData(e));
      results.push(it);
      ctx.operation?.progress(results.length, sel.hostIds.length, it);
    },
  });
  return { results, cancelled };
}

const done = (o: HostOutcome<void>, error: (e: unknown) => ErrorData) =>
  o.ok ? { hostId: o.hostId, ok: true } : { hostId: o.hostId, ok: false, error: error(o.error) };

export function fleetHandlers(s: AppServices): Pick<Handlers, FleetCalls> {
  return {
    'fleet.powerStatus': (a, ctx) =>
      streamed(s, a, ctx, POWER_STATUS, (o, error) =>
        o.ok
          ? { hostId: o.hostId, power: o.value.powerOn ? ('on' as const) : ('off' as const) }
          : { hostId: o.hostId, error: error(o.error) },
      ),
    'fleet.power': (a, ctx) => streamed(s, a, ctx, powerControl(a.action), done),
    'fleet.identify': (a, ctx) =>
      streamed(
        s,
        a,
        ctx,
        identify(
          a.interval === undefined
            ? { kind: 'default' }
            : a.interval === 'force'
              ? { kind: 'force-on' }
              : { kind: 'interval', seconds: a.interval },
        ),
        done,
      ),
    'fleet.bootDevice': (a, ctx) =>
      streamed(
        s,
        a,
        ctx,
        bootDevice({ device: a.device, persistent: a.persistent ?? false, efi: a.efi ?? false }),
        done,
      ),
  };
}
