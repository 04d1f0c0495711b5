// Known answers for the plan simulation (firewall-plan.ts): how each change moves the table, the typed
// lock-out reason of every risky case, and changes judged in order against the rules the ones before
// them leave.
import { describe, expect, it } from 'vitest';
import type { FirewallEntry } from './firewall-codec';
import type { FirewallRule } from './firewall-layout';
import {
  LOCKOUT_CODES,
  lockoutRisk,
  ruleKey,
  type FirewallChange,
  type FirewallKnowledge,
  type FirewallSnapshot,
} from './firewall-lockout';
import { applyToKnowledge, encodeChange, planChanges, sameSnapshot } from './firewall-plan';

const SRC = '127.0.0.1';
const ACCEPT_US: FirewallRule = { kind: 'ip', state: 'accept', address: SRC };
const DROP_SSH: FirewallRule = { kind: 'port', state: 'drop', protocol: 'tcp', port: 22 };
const EMPTY: FirewallSnapshot = { rules: [], blockAll: { active: false, raw: 0 } };
const UNKNOWN: FirewallKnowledge = { unknown: 'the Get Firewall replies fit no known layout' };
const W = {
  start: { year: 2030, month: 1, day: 1, hour: 0, minute: 0 },
  stop: { year: 2030, month: 12, day: 31, hour: 23, minute: 59 },
};
const entry = (r: FirewallRule, index: number, type: number): FirewallEntry => ({ ...r, index, type });
const dropAll = (ipv4: boolean, ipv6: boolean): FirewallChange => ({
  op: 'drop-all',
  spec: { kind: 'drop-all', ipv4, ipv6 },
});

describe('applyToKnowledge', () => {
  it('add appends with the Set parameter as TYPE; adding it again changes nothing', () => {
    const one = applyToKnowledge(EMPTY, { op: 'add', rule: ACCEPT_US });
    expect(one).toEqual({ rules: [entry(ACCEPT_US, 0, 0)], blockAll: EMPTY.blockAll });
    expect(applyToKnowledge(one, { op: 'add', rule: ACCEPT_US })).toBe(one);
    const timed = applyToKnowledge(one, { op: 'add', rule: { ...DROP_SSH, window: W } });
    expect(timed).toEqual({
      rules: [entry(ACCEPT_US, 0, 0), entry({ ...DROP_SSH, window: W }, 1, 13)],
      blockAll: EMPTY.blockAll,
    });
  });

  it('remove keeps the others in order, reindexed; a rule not there is an argument error', () => {
    const two: FirewallSnapshot = {
      rules: [entry(ACCEPT_US, 0, 0), entry(DROP_SSH, 1, 2)],
      blockAll: EMPTY.blockAll,
    };
    expect(applyToKnowledge(two, { op: 'remove', rule: ACCEPT_US })).toEqual({
      rules: [entry(DROP_SSH, 0, 2)],
      blockAll: EMPTY.blockAll,
    });
    // state and window are part of a rule's identity
    for (const rule of [
      { ...ACCEPT_US, state: 'drop' },
      { ...ACCEPT_US, window: W },
    ] as FirewallRule[]) {
      expect(() => applyToKnowledge(two, { op: 'remove', rule })).toThrow(
        expect.objectContaining({
          kind: 'argument',
          message: expect.stringMatching(/not on the BMC/) as string,
        }),
      );
    }
  });

  it('drop-all sets flag bits, undrop-all clears them; a timed drop-all is listed as a TYPE 19 rule', () => {
    const v4 = applyToKnowledge(EMPTY, dropAll(true, false));
    expect(v4).toEqual({ rules: [], blockAll: { active: true, raw: 1 } });
    const both = applyToKnowledge(v4, dropAll(false, true));
    expect(both).toEqual({ rules: [], blockAll: { active: true, raw: 3 } });
    const spec = { kind: 'drop-all' as const, ipv4: true, ipv6: false };
    expect(applyToKnowledge(both, { op: 'undrop-all', spec })).toEqual({
      rules: [],
      blockAll: { active: true, raw: 2 },
    });
    expect(applyToKnowledge(v4, { op: 'undrop-all', spec })).toEqual(EMPTY);
    expect(applyToKnowledge(EMPTY, { op: 'drop-all', spec: { ...spec, window: W } })).toEqual({
      rules: [{ ...spec, window: W, index: 0, type: 19 }],
      blockAll: EMPTY.blockAll,
    });
  });

  it('flush empties everything and makes unknown rules known; nothing else does', () => {
    const full: FirewallSnapshot = { rules: [entry(ACCEPT_US, 0, 0)], blockAll: { active: true, raw: 3 } };
    expect(applyToKnowledge(full, { op: 'flush' })).toEqual(EMPTY);
    expect(applyToKnowledge(UNKNOWN, { op: 'flush' })).toEqual(EMPTY);
    expect(applyToKnowledge(UNKNOWN, { op: 'add', rule: ACCEPT_US })).toBe(UNKNOWN);
    expect(applyToKnowledge(UNKNOWN, { op: 'remove', rule: ACCEPT_US })).toBe(UNKNOWN);
  });
});

describe('lock-out reasons are typed', () => {
  const covered: FirewallSnapshot = { rules: [entry(ACCEPT_US, 0, 0)], blockAll: { active: true, raw: 1 } };
  const cases: Array<[string, FirewallChange, FirewallKnowledge, string, string | undefined]> = [
    ['drop-all, nothing accepts us', dropAll(true, true), EMPTY, SRC, 'firewall-drop-all-uncovered'],
    ['drop-all, an ACCEPT rule covers us', dropAll(true, true), covered, SRC, undefined],
    [
      'drop-all IPv6 from an IPv6 source',
      dropAll(false, true),
      EMPTY,
      '::1',
      'firewall-drop-all-ipv6-source',
    ],
    ['drop-all IPv4 from an IPv6 source', dropAll(true, false), EMPTY, '::1', undefined],
    [
      'DROP our address',
      { op: 'add', rule: { kind: 'ip', state: 'drop', address: SRC } },
      EMPTY,
      SRC,
      'firewall-drop-rule-covers-source',
    ],
    [
      'DROP UDP 623',
      { op: 'add', rule: { kind: 'port', state: 'drop', protocol: 'udp', port: 623 } },
      EMPTY,
      SRC,
      'firewall-drop-rule-covers-rmcp-port',
    ],
    ['DROP TCP 22', { op: 'add', rule: DROP_SSH }, EMPTY, SRC, undefined],
    [
      'remove our only ACCEPT under drop-all',
      { op: 'remove', rule: ACCEPT_US },
      covered,
      SRC,
      'firewall-remove-only-accept',
    ],
    ['drop-all, rules unknown', dropAll(true, false), UNKNOWN, SRC, 'firewall-drop-all-rules-unknown'],
    [
      'DROP a range holding us, rules unknown',
      { op: 'add', rule: { kind: 'range', state: 'drop', start: '127.0.0.0', end: '127.0.0.9' } },
      UNKNOWN,
      SRC,
      'firewall-drop-rule-rules-unknown',
    ],
    [
      'remove ACCEPT us, rules unknown',
      { op: 'remove', rule: ACCEPT_US },
      UNKNOWN,
      SRC,
      'firewall-remove-accept-rules-unknown',
    ],
    [
      'undrop-all',
      { op: 'undrop-all', spec: { kind: 'drop-all', ipv4: true, ipv6: true } },
      UNKNOWN,
      SRC,
      undefined,
    ],
    ['flush', { op: 'flush' }, UNKNOWN, SRC, undefined],
  ];
  it.each(cases)('%s', (_n, change, current, source, code) => {
    const risk = lockoutRisk(change, current, source);
    expect(risk?.code).toBe(code);
    if (risk) {
      expect(LOCKOUT_CODES).toContain(risk.code);
      expect(risk.message).toContain(source);
    }
  });
  it('every code is a valid plan reason code', () => {
    for (const c of LOCKOUT_CODES) expect(c).toMatch(/^[a-z][a-z0-9-]{1,63}$/);
  });
});

describe('planChanges judges in order', () => {
  it('ACCEPT us, then drop-all: safe; the reverse order: the drop-all is the risk', () => {
    const safe = planChanges(EMPTY, [{ op: 'add', rule: ACCEPT_US }, dropAll(true, false)], SRC);
    expect(safe.steps.map((s) => s.risk)).toEqual([undefined, undefined]);
    expect(safe.after).toEqual({ rules: [entry(ACCEPT_US, 0, 0)], blockAll: { active: true, raw: 1 } });
    expect(safe.steps[1]!.before).toEqual({ rules: [entry(ACCEPT_US, 0, 0)], blockAll: EMPTY.blockAll });

    const risky = planChanges(EMPTY, [dropAll(true, false), { op: 'add', rule: ACCEPT_US }], SRC);
    expect(risky.steps.map((s) => s.risk?.code)).toEqual(['firewall-drop-all-uncovered', undefined]);
  });

  it('unknown rules stay unknown (before undefined) until a flush; after it the guard knows them', () => {
    const p = planChanges(
      UNKNOWN,
      [{ op: 'add', rule: DROP_SSH }, { op: 'flush' }, dropAll(true, false)],
      SRC,
    );
    expect(p.steps.map((s) => s.before)).toEqual([undefined, undefined, EMPTY]);
    expect(p.steps.map((s) => s.risk?.code)).toEqual([undefined, undefined, 'firewall-drop-all-uncovered']);
    expect(p.after).toEqual({ rules: [], blockAll: { active: true, raw: 1 } });
  });

  it('every change is validated before anything is judged: a bad rule is an argument error', () => {
    const bad = { kind: 'port', state: 'drop', protocol: 'tcp', port: 0 } as FirewallRule;
    expect(() => planChanges(EMPTY, [{ op: 'add', rule: bad }], SRC)).toThrow(
      expect.objectContaining({
        kind: 'argument',
        message: expect.stringMatching(/outside 1-65535/) as string,
      }),
    );
  });

  it('encodeChange gives the Set request of each op', () => {
    const hex = (c: FirewallChange) => Buffer.from(encodeChange(c)).toString('hex');
    expect(hex({ op: 'add', rule: ACCEPT_US })).toBe('00017f000001');
    expect(hex({ op: 'remove', rule: DROP_SSH })).toBe('0600001600');
    expect(hex(dropAll(true, true))).toBe('090003');
    expect(hex({ op: 'undrop-all', spec: { kind: 'drop-all', ipv4: false, ipv6: true } })).toBe('0a0002');
    expect(hex({ op: 'flush' })).toBe('0800');
  });
});

describe('rule identity', () => {
  it('ruleKey ignores index and TYPE, not the window (nested keys count)', () => {
    expect(ruleKey(entry(ACCEPT_US, 5, 0))).toBe(ruleKey(ACCEPT_US));
    const later = { ...W, stop: { ...W.stop, year: 2031 } };
    expect(ruleKey({ ...ACCEPT_US, window: W })).not.toBe(ruleKey({ ...ACCEPT_US, window: later }));
  });
  it('sameSnapshot: order and indexes aside, the same rules and drop-all state', () => {
    const a: FirewallSnapshot = {
      rules: [entry(ACCEPT_US, 0, 0), entry(DROP_SSH, 1, 2)],
      blockAll: EMPTY.blockAll,
    };
    const b: FirewallSnapshot = {
      rules: [entry(DROP_SSH, 0, 2), entry(ACCEPT_US, 1, 0)],
      blockAll: EMPTY.blockAll,
    };
    expect(sameSnapshot(a, b)).toBe(true);
    expect(sameSnapshot(a, { ...b, blockAll: { active: true, raw: 1 } })).toBe(false);
    expect(sameSnapshot(a, { ...b, rules: b.rules.slice(1) })).toBe(false);
  });
});
