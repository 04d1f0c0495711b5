// Writes that can cut the operator off the BMC (LAN address/source/VLAN, firewall rules, disabling or
// demoting the user we log in as, cipher-suite privileges) go in two calls: `<family>.plan` computes in
// main exactly what will change, in order, with a verdict; `<family>.apply` carries out a plan by id.
// Main refuses to apply a plan whose verdict is `lockout` unless the call says the user confirmed it,
// and refuses a plan whose host state changed since it was made (`stale-plan`): the UI plans again.
import { z } from 'zod';

export const planId = z.string().regex(/^plan-[0-9a-f]{32}$/, 'not a plan id');

/**
 * - `safe`: our connection is unaffected.
 * - `reconnect`: the session will drop and the app reconnects at the new address/settings by itself.
 * - `lockout`: after this, this app (and likely the operator) can no longer reach or log in to the BMC.
 */
export const verdictLevel = z.enum(['safe', 'reconnect', 'lockout']);
export type VerdictLevel = z.infer<typeof verdictLevel>;

/** A reason is a stable code the renderer translates (glossary in ui.md), plus English for logs. */
export const verdictReason = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
  message: z.string(),
});

export const planVerdict = z.strictObject({
  level: verdictLevel,
  reasons: z.array(verdictReason),
});
export type PlanVerdict = z.infer<typeof planVerdict>;

/** One write in execution order; `field` is a stable key the renderer labels, values are display text. */
export const planStep = z.strictObject({
  field: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  /** true when this step is the one that drops or moves our own session */
  affectsConnection: z.boolean(),
});
export type PlanStep = z.infer<typeof planStep>;

export const plan = z.strictObject({
  planId,
  hostId: z.string(),
  steps: z.array(planStep),
  verdict: planVerdict,
  /** ms since epoch after which apply answers stale-plan */
  expiresAt: z.number().int(),
});
export type Plan = z.infer<typeof plan>;

/** the argument of every `<family>.apply` call */
export const applyArgs = {
  planId,
  /** the user saw the lockout verdict and confirmed; required when the verdict is `lockout` */
  confirmLockout: z.boolean().optional(),
};
