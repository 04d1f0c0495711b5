// Plans made by `<family>.plan`, kept in main until applied or expired. A plan is bound to its host and
// family, taken at most once, and carries the state it was computed from so apply can check nothing
// changed meanwhile. Lives in main only: the renderer holds nothing but the id.
import { randomBytes } from 'node:crypto';
import { IpmiError } from '../ipmi/errors';
import type { Plan, PlanStep, PlanVerdict } from '../../shared/domain/plan';

export const PLAN_TTL_MS = 10 * 60_000;

interface Entry<T> {
  family: string;
  plan: Plan;
  payload: T;
}

export class PlanStore {
  private readonly plans = new Map<string, Entry<unknown>>();
  constructor(
    private readonly now: () => number = Date.now,
    private readonly max = 256,
  ) {}

  create<T>(family: string, hostId: string, steps: PlanStep[], verdict: PlanVerdict, payload: T): Plan {
    this.sweep();
    while (this.plans.size >= this.max) this.plans.delete(this.plans.keys().next().value!);
    const plan: Plan = {
      planId: `plan-${randomBytes(16).toString('hex')}`,
      hostId,
      steps,
      verdict,
      expiresAt: this.now() + PLAN_TTL_MS,
    };
    this.plans.set(plan.planId, { family, plan, payload });
    return plan;
  }

  /**
   * Removes and returns the plan. Refuses (nothing removed) a plan of another family; refuses a lockout
   * verdict without confirmation (the plan stays, so the UI can ask and apply the same id).
   */
  take<T>(
    family: string,
    planId: string,
    confirmLockout = false,
    hostId?: string,
  ): { plan: Plan; payload: T } {
    const e = this.check(family, planId, confirmLockout, hostId);
    this.plans.delete(planId);
    return { plan: e.plan, payload: e.payload as T };
  }

  /** What take() would refuse, without taking: an apply checks it before it logs in to the BMC. */
  check(family: string, planId: string, confirmLockout = false, hostId?: string): Entry<unknown> {
    this.sweep();
    const e = this.plans.get(planId);
    if (!e || e.family !== family)
      throw new StalePlanError(`no ${family} plan ${planId}: it expired, was applied, or is of another kind`);
    // a plan made for another host stays for its own host
    if (hostId !== undefined && e.plan.hostId !== hostId)
      throw new StalePlanError(`plan ${planId} is for another host`, ['other-host']);
    if (e.plan.verdict.level === 'lockout' && !confirmLockout) throw lockoutError(e.plan);
    return e;
  }

  private sweep(): void {
    const t = this.now();
    for (const [id, e] of this.plans) if (e.plan.expiresAt <= t) this.plans.delete(id);
  }
}

/** The BMC's state moved since the plan (apply re-reads it), or the plan is gone: plan again. */
export class StalePlanError extends Error {
  readonly reasons: string[];
  constructor(message: string, reasons: string[] = []) {
    super(message);
    this.name = 'StalePlanError';
    this.reasons = reasons;
  }
}

export function lockoutError(plan: Plan): IpmiError {
  return new IpmiError(
    'lockout',
    `${plan.hostId}: refused: ${plan.verdict.reasons.map((r) => r.message).join('; ')}; confirm to apply anyway`,
    { reasons: plan.verdict.reasons.map((r) => r.code) },
  );
}
