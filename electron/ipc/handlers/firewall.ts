import type { AppServices } from './context';
import type { Handlers } from '../dispatch';
import { readFirewallView } from '../../views/firewall';
import { applyFirewallPlan, planFirewall } from '../../services/firewall';

export function firewallHandlers(
  s: AppServices,
): Pick<Handlers, 'firewall.read' | 'firewall.plan' | 'firewall.apply'> {
  return {
    'firewall.read': async ({ hostId }) =>
      s.pool.use(hostId, (session) => readFirewallView(session, { hostKey: `host:${hostId}` })),
    'firewall.plan': async ({ hostId, changes }) =>
      s.pool.use(hostId, (session) => planFirewall(s.plans, hostId, session, changes)),
    'firewall.apply': async ({ hostId, planId, confirmLockout }) =>
      s.pool.use(hostId, (session) => applyFirewallPlan(s.plans, hostId, session, planId, confirmLockout)),
  };
}
