// The firewall view (shared/domain/firewall.ts) from the AMI command layer: the decoded snapshot, or the
// raw Get replies with the reason they are not decoded. Also the way back, view → what the lock-out guard
// knows, and the domain's change records → the command layer's, so the plan is judged on what was shown.
import { IpmiError } from '../ipmi/errors';
import {
  readFirewall,
  sourceAddressOf,
  type FirewallChange,
  type FirewallKnowledge,
  type FirewallReading,
  type ReadFirewallOptions,
} from '../ipmi/commands/oem/ami/firewall';
import type { FirewallEntry } from '../ipmi/commands/oem/ami/firewall-codec';
import { ruleKey } from '../ipmi/commands/oem/ami/firewall-lockout';
import type { Requester } from '../ipmi/client/requester';
import type { FirewallChangeData, FirewallEntryData, FirewallView } from '../../shared/domain/firewall';

const list = (b: Uint8Array): number[] => Array.from(b);

function entryData(e: FirewallEntry): FirewallEntryData {
  return e.kind === 'unknown' ? { ...e, body: list(e.body) } : (e as FirewallEntryData);
}

function entryOf(e: FirewallEntryData): FirewallEntry {
  return e.kind === 'unknown' ? { ...e, body: Uint8Array.from(e.body) } : (e as FirewallEntry);
}

/** The layout memory's key for an inventory host: its id, so two BMCs on one address (lab ports, NAT)
 *  keep their own learned layouts. */
export const firewallHostKey = (hostId: string): string => `host:${hostId}`;

/** The reading as plain data: byte arrays become number lists, nothing else changes. */
export function firewallViewOf(reading: FirewallReading): FirewallView {
  if (reading.layout === 'unknown') {
    return {
      layout: 'unknown',
      note: reading.note,
      raw: reading.raw.map((x) => ({
        selector: x.selector,
        request: list(x.request),
        completionCode: x.completionCode,
        reply: list(x.bytes),
      })),
    };
  }
  return {
    layout: 'known',
    layoutIds: [...reading.layoutIds],
    rules: reading.rules.map(entryData),
    blockAll: { ...reading.blockAll },
  };
}

/** Reads the rules (USER privilege); throws the command layer's typed errors (0xC1 'unsupported', …). */
export async function readFirewallView(r: Requester, opts: ReadFirewallOptions = {}): Promise<FirewallView> {
  return firewallViewOf(await readFirewall(r, opts));
}

/** What the lock-out guard knows from a view: the rules, or why they are unknown. */
export function knowledgeOf(view: FirewallView): FirewallKnowledge {
  if (view.layout === 'unknown') return { unknown: view.note };
  return { rules: view.rules.map(entryOf), blockAll: { ...view.blockAll } };
}

/** A change as the domain states it → as the command layer takes it. */
export function changeOf(c: FirewallChangeData): FirewallChange {
  switch (c.op) {
    case 'add':
    case 'remove':
      return { op: c.op, rule: c.rule };
    case 'drop-all':
      return {
        op: 'drop-all',
        spec: { kind: 'drop-all', ipv4: c.ipv4, ipv6: c.ipv6, ...(c.window ? { window: c.window } : {}) },
      };
    case 'undrop-all':
      return { op: 'undrop-all', spec: { kind: 'drop-all', ipv4: c.ipv4, ipv6: c.ipv6 } };
    case 'flush':
      return { op: 'flush' };
  }
}

/** What a firewall plan is computed from: the rules (or why they could not be read) and our address. */
export interface FirewallBasis {
  /** undefined when the BMC refused the Get (e.g. 0xD4 to a session below USER): the rules are unknown */
  view: FirewallView | undefined;
  knowledge: FirewallKnowledge;
  /** our address as the BMC sees it */
  source: string;
}

/**
 * Reads the basis of a plan. A refused or malformed Get leaves the rules unknown (the guard then counts
 * nothing as cover); no extension (0xC1), a dead link or a cancel are passed on.
 */
export async function readFirewallBasis(
  r: Requester,
  opts: ReadFirewallOptions = {},
): Promise<FirewallBasis> {
  let view: FirewallView | undefined;
  let knowledge: FirewallKnowledge;
  try {
    view = await readFirewallView(r, opts);
    knowledge = knowledgeOf(view);
  } catch (e) {
    if (!(e instanceof IpmiError && ['completion-code', 'privilege', 'protocol'].includes(e.kind))) throw e;
    knowledge = { unknown: `the rules could not be read: ${e.message.replace(`${r.host}: `, '')}` };
  }
  return { view, knowledge, source: await sourceAddressOf(r) };
}

/**
 * The state a plan depends on, as one string: equal strings mean nothing that matters moved. Decoded
 * rules compare as a set (order, indexes aside); raw replies by what the BMC answered to each selector
 * that succeeded (the probes a first read needs, and the request forms it settles on, say nothing of the
 * rules and are left out); an unreadable table by the reason.
 */
export function basisKey(b: FirewallBasis): string {
  const k = b.knowledge;
  const rules =
    b.view?.layout === 'unknown'
      ? b.view.raw.filter((x) => x.completionCode === 0).map((x) => `${x.selector}=${x.reply.join('.')}`)
      : 'unknown' in k
        ? [k.unknown]
        : [...k.rules.map(ruleKey).sort(), `block-all=${k.blockAll.raw}`];
  return JSON.stringify({ source: b.source, rules });
}
