import { describe, expect, it } from 'vitest';
import { PlanStore, PLAN_TTL_MS, StalePlanError } from './plan-store';
import { IpmiError } from '../ipmi/errors';
import { plan as planSchema } from '../../shared/domain/plan';
import { toErrorData } from '../ipc/errors';

const safe = { level: 'safe' as const, reasons: [] };
const lock = {
  level: 'lockout' as const,
  reasons: [{ code: 'own-address-removed', message: 'the rule list no longer admits 127.0.0.1' }],
};
const step = { field: 'ipAddress', from: '10.0.0.5', to: '10.0.0.6', affectsConnection: true };

describe('PlanStore', () => {
  it('gives a schema-valid plan that is taken once, by its family only', () => {
    const s = new PlanStore();
    const p = s.create('lan', 'h1', [step], safe, { x: 1 });
    expect(planSchema.parse(p)).toEqual(p);
    expect(() => s.take('firewall', p.planId)).toThrow(StalePlanError);
    expect(s.take<{ x: number }>('lan', p.planId).payload).toEqual({ x: 1 });
    expect(() => s.take('lan', p.planId)).toThrow(StalePlanError);
  });

  it('refuses a lockout verdict without confirmation and keeps the plan for a confirmed retry', () => {
    const s = new PlanStore();
    const p = s.create('firewall', 'h1', [step], lock, null);
    let err: unknown;
    try {
      s.take('firewall', p.planId);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(IpmiError);
    expect(toErrorData(err)).toMatchObject({ code: 'lockout', reasons: ['own-address-removed'] });
    expect(s.take('firewall', p.planId, true).plan.planId).toBe(p.planId);
  });

  it("a plan is applied on its own host only, and another host's attempt leaves it in place", () => {
    const s = new PlanStore();
    const p = s.create('lan', 'h1', [step], safe, null);
    expect(() => s.check('lan', p.planId, false, 'h2')).toThrow(StalePlanError);
    expect(() => s.take('lan', p.planId, false, 'h2')).toThrow(/another host/);
    expect(s.check('lan', p.planId, false, 'h1').plan.planId).toBe(p.planId); // check takes nothing
    expect(s.take('lan', p.planId, false, 'h1').plan.hostId).toBe('h1');
  });

  it('expires plans after the TTL', () => {
    let t = 1_000;
    const s = new PlanStore(() => t);
    const p = s.create('lan', 'h1', [], safe, null);
    t += PLAN_TTL_MS;
    expect(() => s.take('lan', p.planId)).toThrow(StalePlanError);
    expect(toErrorData(new StalePlanError('gone'))).toEqual({ code: 'stale-plan', message: 'gone' });
  });

  it('bounds memory: the oldest plan goes first', () => {
    const s = new PlanStore(Date.now, 2);
    const a = s.create('lan', 'h1', [], safe, null);
    s.create('lan', 'h1', [], safe, null);
    s.create('lan', 'h1', [], safe, null);
    expect(() => s.take('lan', a.planId)).toThrow(StalePlanError);
  });
});
