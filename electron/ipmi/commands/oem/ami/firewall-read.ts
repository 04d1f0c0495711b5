// Reading the AMI firewall (Get Firewall 0x77) on firmware whose reply layout we may not know.
//
// The reader never insists on one layout. It asks the documented selectors (count 0x00, entry 0x01 i,
// is-block-all 0x02), keeps every reply, and decodes them only in a layout of firewall-get-layouts.ts that
// every reply fits. When none fits, the result is still a success: the raw reply bytes per selector with
// a note saying why, and nothing decoded is presented as fact. What the BMC answers steers the probing:
//  - 0xC7 (request data length invalid) to `[param, 0]`: the BMC wants AMI's own 1-byte form `[param]`
//    (and back, should a remembered 1-byte form be refused after a firmware update);
//  - 0xC9 / 0xCB / 0xCC / 0x80 to the count selector: no count; the entries are walked with the seed's
//    documented form `0x77 0x01 i` until the BMC answers one of those codes (the end of the table);
//  - reply lengths: the count reply's length names the layout, each entry and the is-block-all reply
//    must then fit it too.
// What worked is remembered per BMC (firewall-layout-memory.ts), so the next read skips the probes.
import type { Requester } from '../../../client/requester';
import { encodeGetBlockAll, encodeGetEntry, encodeGetRuleCount, type FirewallEntry } from './firewall-codec';
import {
  GET_LAYOUTS,
  decodeBlockAllAs,
  decodeCountAs,
  decodeEntryAs,
  getLayout,
  type GetLayout,
  type GetLayoutId,
} from './firewall-get-layouts';
import {
  firewallLayoutMemory,
  type FirewallLayoutMemory,
  type LearnedDialect,
} from './firewall-layout-memory';
import { CMD_GET_FIREWALL, GET_FIREWALL_NAME, GetFirewallParam } from './firewall-layout';
import type { FirewallSnapshot } from './firewall-lockout';
import { firewallCodeError, sendRaw } from './firewall-send';

/** One Get Firewall exchange as it happened. */
export interface RawGetReply {
  /** 'count', 'entry <i>' or 'is-block-all' */
  selector: string;
  /** the request data sent (after NetFn/command) */
  request: Uint8Array;
  completionCode: number;
  /** the reply data after the completion code */
  bytes: Uint8Array;
}

export type FirewallReading =
  | ({
      layout: 'known';
      /** the layouts every reply fits: one, or all of them when nothing told them apart (no rules) */
      layoutIds: GetLayoutId[];
    } & FirewallSnapshot)
  | { layout: 'unknown'; raw: RawGetReply[]; note: string };

export interface ReadFirewallOptions {
  /** where the learned layout is kept; default the process-wide memory */
  memory?: FirewallLayoutMemory;
  /** the BMC as the user named it, port included when not 623; default the requester's host */
  hostKey?: string;
  /** cancels the walk (a long table on a slow link): the read rejects with kind 'cancelled' */
  signal?: AbortSignal;
  /**
   * Called after every Get exchange, with how many this read has made and how many it expects in all
   * (known once the count is read: count, each entry, is-block-all, the count again), for progress.
   */
  onExchange?: (done: number, expected: number | undefined, reply: RawGetReply) => void;
}

/** Completion codes that mean "no such selector / entry" rather than a failure. */
const NO_SUCH = new Set([0x80, 0xc9, 0xcb, 0xcc]);
/** The entry number is one byte, so a walk without a count ends here at the latest. */
const MAX_ENTRIES = 256;
const TRIES = 3;

class Exchanges {
  log: RawGetReply[] = [];
  /** exchanges this walk will make, once the count says */
  expected: number | undefined;
  constructor(
    private readonly r: Requester,
    public shortSelectors: boolean,
    private readonly signal?: AbortSignal,
    private readonly onExchange?: ReadFirewallOptions['onExchange'],
  ) {}

  async get(param: number, index = 0): Promise<RawGetReply> {
    const entry = param === GetFirewallParam.entryInfo;
    const selector = entry
      ? `entry ${index}`
      : param === GetFirewallParam.ruleCount
        ? 'count'
        : 'is-block-all';
    const form = (short: boolean) =>
      entry
        ? encodeGetEntry(index)
        : param === GetFirewallParam.ruleCount
          ? encodeGetRuleCount(short)
          : encodeGetBlockAll(short);
    let request = form(this.shortSelectors);
    const o = this.signal ? { signal: this.signal } : undefined;
    let rsp = await sendRaw(this.r, CMD_GET_FIREWALL, request, o);
    if (rsp.completionCode === 0xc7 && !entry) {
      // the other form; whichever one the BMC takes is kept for the rest of this read and the next ones
      const other = form(!this.shortSelectors);
      const retry = await sendRaw(this.r, CMD_GET_FIREWALL, other, o);
      if (retry.completionCode !== 0xc7) {
        this.shortSelectors = !this.shortSelectors;
        request = other;
        rsp = retry;
      }
    }
    const reply = { selector, request, completionCode: rsp.completionCode, bytes: Uint8Array.from(rsp.data) };
    this.log.push(reply);
    this.onExchange?.(this.log.length, this.expected, reply);
    return reply;
  }

  /** A completion code that is neither success nor "no such": reading failed, with a typed error. */
  fail(reply: RawGetReply): never {
    throw firewallCodeError(this.r, CMD_GET_FIREWALL, reply.completionCode);
  }
}

/** Keeps the layouts every reply so far fits, and why each other layout was dropped. */
class Candidates {
  private readonly reasons: string[] = [];
  constructor(public layouts: GetLayout[]) {}
  keep(fits: (l: GetLayout) => void): void {
    this.layouts = this.layouts.filter((l) => {
      try {
        fits(l);
        return true;
      } catch (e) {
        const text = e instanceof Error ? e.message : String(e);
        this.reasons.push(
          text.startsWith(`${GET_FIREWALL_NAME} `) ? text.slice(GET_FIREWALL_NAME.length + 1) : text,
        );
        return false;
      }
    });
  }
  get why(): string {
    return this.reasons.join('; ');
  }
}

type Outcome = FirewallReading | 'changed';

async function readOnce(
  x: Exchanges,
  learned: LearnedDialect | undefined,
): Promise<{ outcome: Outcome; countSelector: boolean }> {
  // the remembered layout is tried first, so a BMC that still answers as before is decoded as before
  const order =
    learned?.layout !== undefined && learned.layout !== 'unknown'
      ? [getLayout(learned.layout), ...GET_LAYOUTS.filter((l) => l.id !== learned.layout)]
      : [...GET_LAYOUTS];
  const c = new Candidates(order);
  let countSelector = learned?.countSelector ?? true;
  let count: RawGetReply | undefined;
  if (countSelector) {
    count = await x.get(GetFirewallParam.ruleCount);
    if (NO_SUCH.has(count.completionCode)) countSelector = false;
    else if (count.completionCode !== 0) x.fail(count);
  }
  let n: number | undefined;
  if (countSelector && count) {
    const reply = count;
    c.keep((l) => decodeCountAs(l, reply.bytes));
    if (c.layouts.length > 0) n = decodeCountAs(c.layouts[0]!, reply.bytes);
    if (n !== undefined) x.expected = x.log.length + n + 2; // the entries, is-block-all, the count again
  }

  // with a count the walk reads exactly that many entries; without one (or in an unknown layout, whose
  // count we cannot trust) it walks until the BMC says the entry does not exist
  const entries: RawGetReply[] = [];
  for (let i = 0; i < (n ?? MAX_ENTRIES); i++) {
    const e = await x.get(GetFirewallParam.entryInfo, i);
    if (e.completionCode !== 0) {
      if (!NO_SUCH.has(e.completionCode)) x.fail(e);
      if (n !== undefined) return { outcome: 'changed', countSelector }; // the table shrank meanwhile
      break;
    }
    entries.push(e);
    c.keep((l) => decodeEntryAs(l, e.bytes, i, n !== undefined));
  }
  const blockAll = await x.get(GetFirewallParam.isBlockAll);
  if (blockAll.completionCode !== 0) x.fail(blockAll);
  c.keep((l) => decodeBlockAllAs(l, blockAll.bytes));

  if (c.layouts.length === 0) {
    const note = `the Get Firewall replies fit no known layout (${c.why}); the raw replies are shown undecoded`;
    return { outcome: { layout: 'unknown', raw: [...x.log], note }, countSelector };
  }
  // several layouts are left only when nothing told them apart; they must then decode alike
  const decoded = c.layouts.map((l) => ({
    rules: entries.map((e, i) => decodeEntryAs(l, e.bytes, i, n !== undefined)),
    blockAll: decodeBlockAllAs(l, blockAll.bytes),
  }));
  const first = decoded[0]!;
  if (decoded.some((d) => JSON.stringify(d) !== JSON.stringify(first))) {
    const ids = c.layouts.map((l) => l.id).join(', ');
    const note = `the Get Firewall replies fit several layouts (${ids}) that read them differently; the raw replies are shown undecoded`;
    return { outcome: { layout: 'unknown', raw: [...x.log], note }, countSelector };
  }
  if (countSelector && n !== undefined) {
    // another client may have changed the rules during the walk: the count must still be the same
    const again = await x.get(GetFirewallParam.ruleCount);
    if (
      again.completionCode !== 0 ||
      again.bytes.length !== count!.bytes.length ||
      decodeCountAs(c.layouts[0]!, again.bytes) !== n
    ) {
      return { outcome: 'changed', countSelector };
    }
  }
  const rules: FirewallEntry[] = first.rules;
  return {
    outcome: { layout: 'known', layoutIds: c.layouts.map((l) => l.id), rules, blockAll: first.blockAll },
    countSelector,
  };
}

/**
 * Every rule plus the drop-all state, decoded when the replies fit a known layout, raw otherwise. If the
 * rules changed during the walk (another client), the walk restarts, at most three times in all; the last
 * walk's replies are then shown raw rather than as a consistent picture they are not.
 * Throws (typed IpmiError) only when the BMC refuses to answer: 0xC1 'unsupported', 0xD4 'privilege',
 * another completion code, or the transport's errors.
 */
export async function readFirewall(r: Requester, opts: ReadFirewallOptions = {}): Promise<FirewallReading> {
  const memory = opts.memory ?? firewallLayoutMemory;
  const key = opts.hostKey ?? r.host;
  const learned = memory.get(key);
  const x = new Exchanges(r, learned?.shortSelectors ?? false, opts.signal, opts.onExchange);
  for (let attempt = 1; ; attempt++) {
    x.log = [];
    x.expected = undefined;
    const { outcome, countSelector } = await readOnce(x, learned);
    if (outcome === 'changed' && attempt < TRIES) continue;
    const reading: FirewallReading =
      outcome !== 'changed'
        ? outcome
        : {
            layout: 'unknown',
            raw: x.log,
            note: `the rules changed during each of ${TRIES} reads (another client is editing them); the raw replies of the last read are shown undecoded`,
          };
    const layout: LearnedDialect['layout'] =
      reading.layout === 'unknown'
        ? outcome === 'changed'
          ? learned?.layout // says nothing about the layout
          : 'unknown'
        : reading.layoutIds.length === 1
          ? reading.layoutIds[0]
          : undefined;
    memory.set(key, { layout, shortSelectors: x.shortSelectors, countSelector });
    return reading;
  }
}
