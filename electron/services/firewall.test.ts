// The plan steps and verdict of firewall.plan, as the UI gets them: known answers per op.
import { describe, expect, it } from 'vitest';
import { planChanges } from '../ipmi/commands/oem/ami/firewall-plan';
import { changeOf } from '../views/firewall';
import type { FirewallChangeData } from '../../shared/domain/firewall';
import { planStep, planVerdict } from '../../shared/domain/plan';
import { firewallStep, firewallVerdict } from './firewall';

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
