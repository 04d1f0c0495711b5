// Fleet power status through fleetPowerStatus: `concurrency` hosts at a time (default the fleet's), one
// progress item per host. A host with a session already open in the pool is asked through it; every other
// host gets a one-shot User-privilege session (password from the credential store) that is closed right
// after, so a fleet run neither logs in twice nor fills the pool. Cancel stops starting new hosts and
// aborts requests in flight; the result lists the hosts finished.
import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { toErrorData } from '../errors';
import type { z } from 'zod';
import type { fleetPowerItem } from '../../../shared/contract/fleet';
import { fleetPowerStatus, type FleetTarget } from '../../ipmi/client/fleet';
import { IpmiError } from '../../ipmi/errors';

type Item = z.infer<typeof fleetPowerItem>;

export function fleetHandlers(s: AppServices): Pick<Handlers, 'fleet.powerStatus'> {
  return {
    'fleet.powerStatus': async ({ hostIds, concurrency }, ctx) => {
      const signal = ctx.signal;
      const total = hostIds.length;
      const results: Item[] = [];
      const report = (item: Item) => {
        results.push(item);
        ctx.operation?.progress(results.length, total, item);
      };

      // Hosts that cannot be asked (unknown id, no password) are answered at once.
      const prepared = await Promise.all(
        hostIds.map(
          async (
            hostId,
          ): Promise<{ hostId: string; target: FleetTarget } | { hostId: string; error: unknown }> => {
            try {
              const host = s.inventory.require(hostId);
              const session = s.pool.openRequester(hostId);
              if (session) return { hostId, target: { host: host.address, port: host.port, session } };
              const password = await s.pool.password(host);
              const target: FleetTarget = {
                host: host.address,
                port: host.port,
                username: host.username,
                password,
                interface: host.interface,
                cipherSuite: host.cipherSuite,
              };
              return { hostId, target };
            } catch (error) {
              return { hostId, error };
            }
          },
        ),
      );
      const ids: string[] = [];
      const targets: FleetTarget[] = [];
      for (const p of prepared) {
        if ('target' in p) {
          ids.push(p.hostId);
          targets.push(p.target);
        } else if (!signal.aborted) {
          report({ hostId: p.hostId, error: toErrorData(p.error) });
        }
      }

      if (targets.length > 0 && !signal.aborted) {
        await fleetPowerStatus(targets, {
          signal,
          // fleetPowerStatus quotes a non-IPMI error's text in its per-host error; like the pooled calls
          // (toErrorData's 'internal'), none of that text may reach the renderer: it may hold anything
          connect: (o) =>
            s.pool.connectUnpooled(o).catch((e: unknown) => {
              throw e instanceof IpmiError
                ? e
                : new IpmiError('protocol', `${o.host}: internal error while logging in`, { host: o.host });
            }),
          ...(concurrency !== undefined ? { concurrency } : {}),
          onProgress: (r) =>
            report(
              r.ok
                ? { hostId: ids[r.index]!, power: r.powerOn ? 'on' : 'off' }
                : { hostId: ids[r.index]!, error: toErrorData(r.error) },
            ),
        });
      }
      return { results, cancelled: signal.aborted };
    },
  };
}
