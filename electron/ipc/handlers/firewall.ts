import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { firewallHostKey, readFirewallView } from '../../views/firewall';
import { applyFirewallPlan, FIREWALL_PLAN_FAMILY, planFirewall } from '../../services/firewall';

export function firewallHandlers(
  s: AppServices,
): Pick<Handlers, 'firewall.read' | 'firewall.plan' | 'firewall.apply'> {
  return {
    'firewall.read': async ({ hostId }, ctx) =>
      s.pool.use(hostId, (session) =>
        readFirewallView(session, {
          hostKey: firewallHostKey(hostId),
          signal: ctx.signal,
          onExchange: (done, expected, reply) =>
            ctx.operation?.progress(done, expected ?? 0, { selector: reply.selector }),
        }),
      ),
    'firewall.plan': async ({ hostId, changes }) =>
      s.pool.use(hostId, (session) => planFirewall(s.plans, hostId, session, changes)),
    'firewall.apply': async ({ hostId, planId, confirmLockout }) => {
      s.plans.check(FIREWALL_PLAN_FAMILY, planId, confirmLockout, hostId); // no login for a plan refused anyway
      return s.pool.use(hostId, (session) =>
        applyFirewallPlan(s.plans, hostId, session, planId, confirmLockout),
      );
    },
  };
}
