// The Get Firewall (0x77) reply layouts we can decode, declared once as data. AMI never published the
// reply layout and it differs between generations, so a reader must recognise a layout from what the BMC
// answers and must not read a reply in a layout it does not fit: every decoder here checks the reply's
// whole shape (exact lengths, the echoed entry number) and throws a typed 'protocol' error on a misfit, so
// the caller can fall back to showing the raw bytes (firewall-read.ts) instead of guessing.
//
//  - 'ami-v1' is the documented form (specs: AMI IPMI_AMIConf.h `AMIGetFirewallRes_T`, the seed's
//    `raw 0x32 0x77 0x01 0x00`): count = 1 byte; entry = TYPE, State, the rule body as for Set, either
//    unpadded or padded to the size of AMI's C union (8 bytes in the tree without timeouts, 20 with).
//  - 'ami-v2' is the shape an IPv6-capable generation plausibly answers, and what the lab BMC's
//    `--layout v2` serves (e2e/lab/ami-firewall-bmc.py): count = 2 bytes (rules in use, table capacity);
//    entry = the entry number echoed, TYPE, State, the body padded to the 44-byte union that holds an IPv6
//    range with its window (16 + 16 + 12). It is a model of "another generation", not a documented AMI
//    fact; its purpose is that a second shape is recognised and a third is refused, not that v2 is real.
import { IpmiError } from '../../../errors';
import { decodeFirewallEntry, type FirewallEntry } from './firewall-codec';
import { CMD_GET_FIREWALL, GET_FIREWALL_NAME, NETFN_AMI, bodySize, ruleTypeParam } from './firewall-layout';

export type GetLayoutId = 'ami-v1' | 'ami-v2';

export interface GetLayout {
  id: GetLayoutId;
  summary: string;
  /** Get param 0 reply: its exact data length, and which byte holds the number of rules */
  count: { length: number; rulesAt: number };
  /** Get param 1 reply: the entry number echoed before TYPE; which body sizes the reply may have */
  entry: {
    echoesIndex: boolean;
    /** the body may be exactly the rule's size */
    exact: boolean;
    /** or padded to one of these union sizes */
    unionSizes: readonly number[];
  };
  /** Get param 2 reply: exact data length (the flag byte comes first) */
  blockAll: { length: number };
}

export const GET_LAYOUTS: readonly GetLayout[] = [
  {
    id: 'ami-v1',
    summary: 'count 1 byte; entry TYPE, State, body (unpadded or padded to 8/20 bytes)',
    count: { length: 1, rulesAt: 0 },
    entry: { echoesIndex: false, exact: true, unionSizes: [8, 20] },
    blockAll: { length: 1 },
  },
  {
    id: 'ami-v2',
    summary: 'count 2 bytes (in use, capacity); entry number, TYPE, State, body padded to 44 bytes',
    count: { length: 2, rulesAt: 0 },
    entry: { echoesIndex: true, exact: false, unionSizes: [44] },
    blockAll: { length: 1 },
  },
];

export function getLayout(id: GetLayoutId): GetLayout {
  return GET_LAYOUTS.find((l) => l.id === id)!;
}

const bytes = (n: number) => `${n} byte${n === 1 ? '' : 's'}`;

function misfit(layout: GetLayout, what: string, detail: string): IpmiError {
  return new IpmiError(
    'protocol',
    `${GET_FIREWALL_NAME} ${what} does not fit layout ${layout.id}: ${detail}`,
    {
      command: GET_FIREWALL_NAME,
      netFn: NETFN_AMI,
      cmd: CMD_GET_FIREWALL,
    },
  );
}

/** The number of rules from a Get param 0 reply in `layout`. */
export function decodeCountAs(layout: GetLayout, data: Uint8Array): number {
  if (data.length !== layout.count.length) {
    throw misfit(layout, 'rule count', `${bytes(data.length)}, expected ${layout.count.length}`);
  }
  return data[layout.count.rulesAt]!;
}

/** The drop-all flag from a Get param 2 reply in `layout` (the raw byte is kept). */
export function decodeBlockAllAs(layout: GetLayout, data: Uint8Array): { active: boolean; raw: number } {
  if (data.length !== layout.blockAll.length) {
    throw misfit(layout, 'is-block-all', `${bytes(data.length)}, expected ${layout.blockAll.length}`);
  }
  return { active: data[0] !== 0, raw: data[0]! };
}

/** The body sizes a reply for rule TYPE `type` may have in `layout` (undefined: TYPE not documented). */
function allowedBodySizes(layout: GetLayout, type: number): number[] | undefined {
  const param = ruleTypeParam(type);
  if (!param) return undefined;
  const exact = bodySize(param.shape, param.timed);
  const sizes = layout.entry.unionSizes.filter((u) => u >= exact);
  return layout.entry.exact ? [exact, ...sizes] : sizes;
}

/**
 * One rule from a Get param 1 reply in `layout`, or a protocol error when the reply does not fit it.
 * An undocumented TYPE is kept as an 'unknown' entry with its bytes only when `undocumentedTypes` is
 * true: when the count reply already established the layout. Without that, such a reply proves nothing
 * (any bytes "fit" with an unknown TYPE first), so it counts as a misfit.
 */
export function decodeEntryAs(
  layout: GetLayout,
  data: Uint8Array,
  index: number,
  undocumentedTypes = true,
): FirewallEntry {
  const head = layout.entry.echoesIndex ? 1 : 0;
  const what = `entry ${index}`;
  if (data.length < head + 2) throw misfit(layout, what, `${bytes(data.length)}, too short for its header`);
  if (layout.entry.echoesIndex && data[0] !== index) {
    throw misfit(layout, what, `the reply names entry ${data[0]}`);
  }
  const body = data.length - head - 2;
  const type = data[head]!;
  const sizes = allowedBodySizes(layout, type);
  if (!sizes && !undocumentedTypes) {
    throw misfit(layout, what, `rule type ${type} is undocumented, so the reply cannot confirm the layout`);
  }
  const largest = Math.max(...layout.entry.unionSizes);
  // an undocumented TYPE is kept as 'unknown' with its bytes, but only in a reply of a size the layout allows
  const ok = sizes
    ? sizes.includes(body)
    : layout.entry.exact
      ? body <= largest
      : layout.entry.unionSizes.includes(body);
  if (!ok) {
    const expected = sizes
      ? sizes.join(' or ')
      : layout.entry.exact
        ? `at most ${largest}`
        : layout.entry.unionSizes.join(' or ');
    throw misfit(layout, what, `a body of ${bytes(body)} for rule type ${type}, expected ${expected}`);
  }
  return decodeFirewallEntry(data.subarray(head), index);
}

/** The layouts whose count reply has this shape (at most one today: the lengths differ). */
export function layoutsForCount(data: Uint8Array): GetLayout[] {
  return GET_LAYOUTS.filter((l) => l.count.length === data.length);
}

/** The layouts a Get param 1 reply for entry `index` fits on its own (no count reply to go by). */
export function layoutsForEntry(data: Uint8Array, index: number): GetLayout[] {
  return GET_LAYOUTS.filter((l) => {
    try {
      decodeEntryAs(l, data, index, false);
      return true;
    } catch {
      return false;
    }
  });
}
