// A sequence of firewall changes judged as a whole, as pure functions: each change is checked by the
// lock-out guard (firewall-lockout.ts) against the rules as the changes before it leave them, so "ACCEPT
// my address, then drop-all" is safe while "drop-all" alone is not. The simulated end state is what a
// read-back after applying must show.
//
// How the table moves follows the sources and the lab BMC (ami-firewall-bmc.py): an added rule is
// appended (adding one already there changes nothing), a removed rule leaves the others in order,
// untimed drop-all sets bits of the is-block-all flag (bit 0 IPv4, bit 1 IPv6) while a timed one is
// listed as a rule (TYPE 19), flush empties everything. Flush also makes unknown rules known: none.
import { argumentError } from '../../../errors';
import {
  encodeAddRule,
  encodeDropAll,
  encodeFlush,
  encodeRemoveDropAll,
  encodeRemoveRule,
} from './firewall-codec';
import type { FirewallEntry } from './firewall-codec';
import { SET_FIREWALL_NAME, findSetParam } from './firewall-layout';
import {
  lockoutRisk,
  ruleKey,
  sameRule,
  type FirewallChange,
  type FirewallKnowledge,
  type FirewallSnapshot,
  type LockoutReason,
} from './firewall-lockout';

export interface PlannedChange {
  change: FirewallChange;
  /** the rules before this change (undefined where unknown) */
  before: FirewallSnapshot | undefined;
  /** set when this change could cut us off */
  risk?: LockoutReason;
}

export interface ChangePlan {
  steps: PlannedChange[];
  /** the rules once every change is applied; `unknown` when they were unknown and nothing flushed them */
  after: FirewallKnowledge;
}

/** The Set request a change sends: validates it (an 'argument' error names the field) before anything else. */
export function encodeChange(change: FirewallChange): Uint8Array {
  switch (change.op) {
    case 'add':
      return encodeAddRule(change.rule);
    case 'remove':
      return encodeRemoveRule(change.rule);
    case 'drop-all':
      return encodeDropAll(change.spec);
    case 'undrop-all':
      return encodeRemoveDropAll(change.spec);
    case 'flush':
      return encodeFlush();
  }
}

const FAMILY_BITS = (s: { ipv4: boolean; ipv6: boolean }) => (s.ipv4 ? 0x01 : 0) | (s.ipv6 ? 0x02 : 0);
const reindex = (rules: FirewallEntry[]): FirewallEntry[] => rules.map((r, index) => ({ ...r, index }));

/** The rules after `change`, as the BMC keeps them. Removing a rule that is not there is an argument error
 *  (the BMC would answer 0xCB "requested data not present"). */
export function applyToKnowledge(current: FirewallKnowledge, change: FirewallChange): FirewallKnowledge {
  if (change.op === 'flush') return { rules: [], blockAll: { active: false, raw: 0 } };
  if ('unknown' in current) return current;
  const { rules, blockAll } = current;
  switch (change.op) {
    case 'add': {
      if (rules.some((r) => sameRule(r, change.rule))) return current;
      const type = findSetParam('add', change.rule.kind, change.rule.window !== undefined).code;
      return { rules: [...rules, { ...change.rule, index: rules.length, type }], blockAll };
    }
    case 'remove': {
      if (!rules.some((r) => sameRule(r, change.rule))) {
        throw argumentError(
          `AMI firewall: rule to remove is not on the BMC (remove names it as it was added)`,
          {
            command: SET_FIREWALL_NAME,
          },
        );
      }
      return { rules: reindex(rules.filter((r) => !sameRule(r, change.rule))), blockAll };
    }
    case 'drop-all': {
      if (change.spec.window !== undefined) {
        const entry = {
          ...change.spec,
          index: rules.length,
          type: findSetParam('drop-all', 'drop-all', true).code,
        };
        if (rules.some((r) => ruleKey(r) === ruleKey(change.spec))) return current;
        return { rules: [...rules, entry], blockAll };
      }
      const raw = blockAll.raw | FAMILY_BITS(change.spec);
      return { rules, blockAll: { active: raw !== 0, raw } };
    }
    case 'undrop-all': {
      const raw = blockAll.raw & ~FAMILY_BITS(change.spec);
      return { rules, blockAll: { active: raw !== 0, raw } };
    }
  }
}

/**
 * Every change validated (encoded), judged in order against the rules the changes before it leave, and
 * the end state. `source` is our address as the BMC sees it.
 */
export function planChanges(
  current: FirewallKnowledge,
  changes: FirewallChange[],
  source: string,
): ChangePlan {
  let state = current;
  const steps = changes.map((change): PlannedChange => {
    encodeChange(change);
    const risk = lockoutRisk(change, state, source);
    const before = 'unknown' in state ? undefined : state;
    state = applyToKnowledge(state, change);
    return { change, before, ...(risk ? { risk } : {}) };
  });
  return { steps, after: state };
}

/** Whether two snapshots hold the same rules (order and indexes aside) and the same drop-all state. */
export function sameSnapshot(a: FirewallSnapshot, b: FirewallSnapshot): boolean {
  const keys = (s: FirewallSnapshot) => s.rules.map(ruleKey).sort();
  return a.blockAll.active === b.blockAll.active && JSON.stringify(keys(a)) === JSON.stringify(keys(b));
}
