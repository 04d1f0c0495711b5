// firewall.plan / firewall.apply: changes to the AMI firewall as a plan computed in main. The plan lists
// the changes in the order they will be sent, each judged by the lock-out guard against the rules as
// the changes before it leave them (firewall-plan.ts); any risk makes the verdict `lockout`, its typed
// reasons the guard's codes. Apply refuses a lockout plan without confirmation (PlanStore), re-reads the
// rules and our address and refuses a plan whose basis moved (stale-plan), sends the changes, and reads
// the rules back: they must be what the plan said (verify-failed otherwise).
import { IpmiError } from '../ipmi/errors';
import type { Requester } from '../ipmi/client/requester';
import {
  sendFirewallChange,
  type FirewallKnowledge,
  type FirewallSnapshot,
} from '../ipmi/commands/oem/ami/firewall';
import type { FirewallChange } from '../ipmi/commands/oem/ami/firewall-lockout';
import { planChanges, sameSnapshot, type PlannedChange } from '../ipmi/commands/oem/ami/firewall-plan';
import { withHost } from '../ipmi/commands/oem/ami/firewall-send';
import {
  basisKey,
  changeOf,
  firewallHostKey,
  knowledgeOf,
  readFirewallBasis,
  readFirewallView,
} from '../views/firewall';
import { describeChange, describeRule, familiesText } from '../views/firewall-text';
import type { FirewallApplyResult, FirewallChangeData } from '../../shared/domain/firewall';
import type { Plan, PlanStep, PlanVerdict } from '../../shared/domain/plan';
import { StalePlanError, type PlanStore } from './plan-store';

export const FIREWALL_PLAN_FAMILY = 'firewall';

interface Payload {
  basisKey: string;
  changes: FirewallChange[];
  after: FirewallKnowledge;
}

function dropAllText(k: PlannedChange['before']): string | null {
  if (!k) return null;
  const timed = k.rules.filter((r) => r.kind === 'drop-all').length;
  const flag = k.blockAll.active
    ? `on ${familiesText({ ipv4: (k.blockAll.raw & 1) !== 0, ipv6: (k.blockAll.raw & 2) !== 0 })}`
    : 'off';
  return timed ? `${flag}, ${timed} timed` : flag;
}

/** One step per change; `from` is what the step replaces where the rules are known. */
export function firewallStep(p: PlannedChange, c: FirewallChangeData): PlanStep {
  const affectsConnection = p.risk !== undefined;
  switch (c.op) {
    case 'add':
      return { field: 'firewall.rule', from: null, to: describeChange(c), affectsConnection };
    case 'remove':
      return { field: 'firewall.rule', from: describeRule(c.rule), to: describeChange(c), affectsConnection };
    case 'drop-all':
    case 'undrop-all':
      return {
        field: 'firewall.drop-all',
        from: dropAllText(p.before),
        to: describeChange(c),
        affectsConnection,
      };
    case 'flush': {
      const from = p.before
        ? `${p.before.rules.length} rule${p.before.rules.length === 1 ? '' : 's'}, drop-all ${dropAllText(p.before)}`
        : null;
      return { field: 'firewall.rules', from, to: describeChange(c), affectsConnection };
    }
  }
}

export function firewallVerdict(steps: PlannedChange[], changes: FirewallChangeData[]): PlanVerdict {
  const reasons = steps.flatMap((s, i) =>
    s.risk
      ? [{ code: s.risk.code, message: `step ${i + 1} (${describeChange(changes[i]!)}): ${s.risk.message}` }]
      : [],
  );
  return { level: reasons.length ? 'lockout' : 'safe', reasons };
}

/** Reads the rules and our address, judges the changes, and keeps the plan in `plans`. */
export async function planFirewall(
  plans: PlanStore,
  hostId: string,
  r: Requester,
  changes: FirewallChangeData[],
): Promise<Plan> {
  const basis = await readFirewallBasis(r, { hostKey: firewallHostKey(hostId) });
  const commands = changes.map(changeOf);
  const planned = withHost(r.host, () => planChanges(basis.knowledge, commands, basis.source));
  const payload: Payload = { basisKey: basisKey(basis), changes: commands, after: planned.after };
  return plans.create(
    FIREWALL_PLAN_FAMILY,
    hostId,
    planned.steps.map((p, i) => firewallStep(p, changes[i]!)),
    firewallVerdict(planned.steps, changes),
    payload,
  );
}

/**
 * Carries out a plan on `r`, the session of the plan's host (opened first, so an unreachable host answers
 * as every BMC call does, whatever the plan id).
 */
export async function applyFirewallPlan(
  plans: PlanStore,
  hostId: string,
  r: Requester,
  planId: string,
  confirmLockout: boolean | undefined,
): Promise<FirewallApplyResult> {
  const { plan, payload } = plans.take<Payload>(
    FIREWALL_PLAN_FAMILY,
    planId,
    confirmLockout === true,
    hostId,
  );
  if (plan.hostId !== hostId) throw new StalePlanError(`plan ${planId} is for another host`);
  const now = await readFirewallBasis(r, { hostKey: firewallHostKey(hostId) });
  if (basisKey(now) !== payload.basisKey) {
    throw new StalePlanError(
      `${r.host}: the firewall rules or our address changed since the plan was made; plan again`,
      ['firewall-basis-changed'],
    );
  }
  for (const change of payload.changes) await sendFirewallChange(r, change);
  const view = await readFirewallView(r, { hostKey: firewallHostKey(hostId) });
  const applied = payload.changes.length;
  if (view.layout === 'unknown' || 'unknown' in payload.after)
    return { applied, view, readBack: 'unverifiable' };
  if (!sameSnapshot(knowledgeOf(view) as FirewallSnapshot, payload.after)) {
    throw new IpmiError(
      'verify-failed',
      `${r.host}: the firewall accepted every change, but the rules read back are not what the plan said`,
      { host: r.host, reasons: ['firewall-readback-differs'] },
    );
  }
  return { applied, view, readBack: 'matches' };
}
