// The plan steps and verdict of firewall.plan, as the UI gets them: known answers per op; plan and apply
// against a fake v1 BMC for what the lab BMC cannot show (a BMC that acknowledges Sets it does not keep).
import { describe, expect, it } from 'vitest';
import { planChanges } from '../ipmi/commands/oem/ami/firewall-plan';
import { changeOf } from '../views/firewall';
import type { FirewallChangeData } from '../../shared/domain/firewall';
import { planStep, planVerdict } from '../../shared/domain/plan';
import type { IpmiRequest, IpmiResponse, Requester } from '../ipmi/client/requester';
import { applyFirewallPlan, firewallStep, firewallVerdict, planFirewall } from './firewall';
import { PlanStore, StalePlanError } from './plan-store';

const ACCEPT_US = { kind: 'ip', state: 'accept', address: '127.0.0.1' } as const;
const SNAP = {
  rules: [{ ...ACCEPT_US, index: 0, type: 0 }],
  blockAll: { active: true, raw: 3 },
};

function plan(changes: FirewallChangeData[], known = true) {
  const p = planChanges(known ? SNAP : { unknown: 'no layout fits' }, changes.map(changeOf), '127.0.0.1');
  return {
    steps: p.steps.map((s, i) => firewallStep(s, changes[i]!)),
    verdict: firewallVerdict(p.steps, changes),
  };
}

describe('firewall plan steps and verdict', () => {
  it('one step per change, in order, with what it replaces where the rules are known', () => {
    const r = plan([
      {
        op: 'add',
        rule: {
          kind: 'port',
          state: 'drop',
          protocol: 'tcp',
          port: 22,
          window: {
            start: { year: 2030, month: 1, day: 1, hour: 0, minute: 0 },
            stop: { year: 2030, month: 1, day: 2, hour: 0, minute: 0 },
          },
        },
      },
      { op: 'undrop-all', ipv4: false, ipv6: true },
      { op: 'flush' },
    ]);
    expect(r.steps).toEqual([
      {
        field: 'firewall.rule',
        from: null,
        to: 'add DROP port tcp 22 (2030-01-01 00:00 - 2030-01-02 00:00)',
        affectsConnection: false,
      },
      {
        field: 'firewall.drop-all',
        from: 'on IPv4,IPv6',
        to: 'remove drop-all IPv6',
        affectsConnection: false,
      },
      {
        field: 'firewall.rules',
        from: '2 rules, drop-all on IPv4',
        to: 'flush: remove every rule and drop-all',
        affectsConnection: false,
      },
    ]);
    expect(r.verdict).toEqual({ level: 'safe', reasons: [] });
    for (const s of r.steps) expect(planStep.parse(s)).toEqual(s);
  });

  it('a risky step: lockout, the reason code of the guard, the step named in the message', () => {
    const r = plan([{ op: 'remove', rule: ACCEPT_US }]);
    expect(r.steps).toEqual([
      {
        field: 'firewall.rule',
        from: 'ACCEPT ip 127.0.0.1',
        to: 'remove ACCEPT ip 127.0.0.1',
        affectsConnection: true,
      },
    ]);
    expect(r.verdict).toEqual({
      level: 'lockout',
      reasons: [
        {
          code: 'firewall-remove-only-accept',
          message:
            'step 1 (remove ACCEPT ip 127.0.0.1): removing the only ACCEPT rule for 127.0.0.1 would cut it off (drop-all is on)',
        },
      ],
    });
    expect(planVerdict.parse(r.verdict)).toEqual(r.verdict);
  });

  it('unknown rules: no "from", and a drop-all is a lockout with the rules-unknown code', () => {
    const r = plan([{ op: 'drop-all', ipv4: true, ipv6: false }], false);
    expect(r.steps[0]).toEqual({
      field: 'firewall.drop-all',
      from: null,
      to: 'drop-all IPv4',
      affectsConnection: true,
    });
    expect(r.verdict.reasons.map((x) => x.code)).toEqual(['firewall-drop-all-rules-unknown']);
  });
});

/** A v1-layout AMI firewall that applies Sets (unless `ignoreSets`), reached from 127.0.0.1. */
class FakeFirewall implements Requester {
  readonly host = 'bmc-fake';
  readonly localAddress = '127.0.0.1';
  entries: number[][] = [];
  blockAll = 0;
  ignoreSets = false;
  sets: string[] = [];
  async raw(req: IpmiRequest): Promise<IpmiResponse> {
    const d = req.data ?? new Uint8Array();
    const ok = (b: number[]) => ({ completionCode: 0, data: Buffer.from(b) });
    if (req.cmd === 0x76) {
      this.sets.push(Buffer.from(d).toString('hex'));
      if (!this.ignoreSets && d[0] === 0) this.entries.push([0, ...d.slice(1)]);
      if (!this.ignoreSets && d[0] === 9) this.blockAll |= d[2]!;
      return ok([]);
    }
    if (d[0] === 0) return ok([this.entries.length]);
    if (d[0] === 2) return ok([this.blockAll]);
    const e = this.entries[d[1]!];
    return e ? ok(e) : { completionCode: 0xc9, data: Buffer.alloc(0) };
  }
  async request(req: IpmiRequest): Promise<Buffer> {
    return (await this.raw(req)).data;
  }
}

describe('planFirewall / applyFirewallPlan', () => {
  const HOST = 'h0fakefw01';
  const changes: FirewallChangeData[] = [
    { op: 'add', rule: ACCEPT_US },
    { op: 'drop-all', ipv4: true, ipv6: false },
  ];
  it('applies a safe plan in order and reads back what the plan said', async () => {
    const bmc = new FakeFirewall();
    const plans = new PlanStore();
    const p = await planFirewall(plans, HOST, bmc, changes);
    expect(p.verdict.level).toBe('safe');
    const r = await applyFirewallPlan(plans, HOST, bmc, p.planId, undefined);
    expect(bmc.sets).toEqual(['00017f000001', '090001']);
    expect(r).toMatchObject({
      applied: 2,
      readBack: 'matches',
      view: { blockAll: { active: true, raw: 1 } },
    });
  });
  it('a BMC that accepts the Sets but keeps the old rules: verify-failed with a reason code', async () => {
    const bmc = Object.assign(new FakeFirewall(), { ignoreSets: true });
    const plans = new PlanStore();
    const p = await planFirewall(plans, HOST, bmc, changes);
    await expect(applyFirewallPlan(plans, HOST, bmc, p.planId, undefined)).rejects.toMatchObject({
      kind: 'verify-failed',
      host: 'bmc-fake',
      reasons: ['firewall-readback-differs'],
    });
  });
  it('lockout unconfirmed: refused, nothing sent, the plan kept; another host: stale-plan, nothing sent', async () => {
    const bmc = new FakeFirewall();
    const plans = new PlanStore();
    const p = await planFirewall(plans, HOST, bmc, [{ op: 'drop-all', ipv4: true, ipv6: true }]);
    await expect(applyFirewallPlan(plans, HOST, bmc, p.planId, false)).rejects.toMatchObject({
      kind: 'lockout',
      reasons: ['firewall-drop-all-uncovered'],
    });
    await expect(applyFirewallPlan(plans, 'h0otherhost', bmc, p.planId, true)).rejects.toBeInstanceOf(
      StalePlanError,
    );
    expect(bmc.sets).toEqual([]);
  });
  it('a removal of a rule the BMC does not hold is refused at plan time, naming the host', async () => {
    await expect(
      planFirewall(new PlanStore(), HOST, new FakeFirewall(), [{ op: 'remove', rule: ACCEPT_US }]),
    ).rejects.toMatchObject({
      kind: 'argument',
      host: 'bmc-fake',
      message: expect.stringMatching(/^bmc-fake: /) as string,
    });
  });
});
