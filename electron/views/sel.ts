// The SEL calls' reads and writes over one session, returning views (shared/domain/sel.ts): a page of
// events (the one walk, readSel), clear with an optional export first, delete by ID, and the SEL clock.
// The IPC handlers are one-liners over these.
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import { IpmiError, isIpmiError } from '../ipmi/errors';
import {
  clearSel,
  deleteSelEntry,
  getSelInfo,
  getSelTime,
  readSel,
  reserveSel,
  setSelTime,
  type SelInfo,
} from '../ipmi/commands/storage/sel';
import type { SdrRecord } from '../ipmi/decode/sdr/sdr-record';
import type { SelEvent, SelPage, SelTime } from '../../shared/domain/sel';
import { selEventView, selInfoView, selSdrMatcher, selTime, type SelSdrMatcher } from './sel-event';
import { SelVendor } from './sel-vendor';

export interface SelViewOptions {
  signal?: AbortSignal | undefined;
  /** the BMC's SDR, for sensor names and threshold values in units; absent: none */
  sdr?: (() => Promise<readonly SdrRecord[]>) | undefined;
  /** each event as it is read, with the count expected in all */
  onEvent?: ((ev: SelEvent, done: number, total: number) => void) | undefined;
}

/** Every request of the call carries the signal, so a cancel stops the request in flight. */
function withOptions(r: Requester, signal: AbortSignal | undefined): Requester {
  if (!signal) return r;
  const o: RequestOptions = { signal };
  return {
    host: r.host,
    request: (req, x) => r.request(req, { ...o, ...x }),
    raw: (req, x) => r.raw(req, { ...o, ...x }),
  };
}

/** A BMC that refuses its SDR costs only the sensor names (ipmitool's elist does the same). */
async function matcherOf(opts: SelViewOptions): Promise<SelSdrMatcher | undefined> {
  if (!opts.sdr) return undefined;
  try {
    return selSdrMatcher(await opts.sdr());
  } catch (e) {
    if (isIpmiError(e) && (e.kind === 'completion-code' || e.kind === 'privilege')) return undefined;
    throw e;
  }
}

async function readEvents(
  r: Requester,
  info: SelInfo,
  range: { cursor?: number | undefined; limit?: number | undefined; last?: number | undefined },
  opts: SelViewOptions,
): Promise<{ events: SelEvent[]; next?: number }> {
  if (info.entries === 0) return { events: [] };
  const sdr = await matcherOf(opts);
  const vendor = new SelVendor(r);
  const total = Math.min(info.entries, range.last ?? range.limit ?? info.entries);
  const events: SelEvent[] = [];
  const entries = await readSel(r, {
    ...(range.last !== undefined
      ? { last: range.last, entries: info.entries }
      : {
          ...(range.cursor !== undefined && { startId: range.cursor }),
          ...(range.limit !== undefined && { first: range.limit }),
        }),
    ...(opts.signal && { signal: opts.signal }),
    onRecord: async (e) => {
      const ev = selEventView(e.bytes, { sdr, vendor: await vendor.text(e.record) });
      events.push(ev);
      opts.onEvent?.(ev, events.length, Math.max(total, events.length));
    },
  });
  const next = entries.at(-1)?.nextId;
  return next !== undefined && next !== 0xffff && range.last === undefined ? { events, next } : { events };
}

/** One page of the SEL: from `cursor` (default the first record), `limit` records (default to the
 *  end), or the `last` N. */
export async function readSelPage(
  session: Requester,
  range: { cursor?: number | undefined; limit?: number | undefined; last?: number | undefined },
  opts: SelViewOptions = {},
): Promise<SelPage> {
  const r = withOptions(session, opts.signal);
  const info = await getSelInfo(r);
  return { info: selInfoView(info), ...(await readEvents(r, info, range, opts)) };
}

/**
 * Clear SEL, with every event read first when `exportFirst`. The reservation is taken before the
 * export, and the SEL's entry count and last-add time are compared after it: an event logged while
 * exporting (it would be erased unseen) refuses the erase with `verify-failed`. Clear SEL is sent
 * only on the fixed retransmit schedule (non-idempotent); the entry count is read back after.
 */
export async function clearSelView(
  session: Requester,
  exportFirst: boolean,
  opts: SelViewOptions = {},
): Promise<{ entriesAfter: number; exported?: SelEvent[] }> {
  const r = withOptions(session, opts.signal);
  const reservation = await reserveSel(r);
  let exported: SelEvent[] | undefined;
  if (exportFirst) {
    const before = await getSelInfo(r);
    exported = (await readEvents(r, before, {}, opts)).events;
    const after = await getSelInfo(r);
    if (after.entries !== before.entries || after.lastAddTime !== before.lastAddTime)
      throw new IpmiError('verify-failed', 'the SEL changed while it was exported; it was not erased', {
        host: r.host,
        command: 'Clear SEL',
        netFn: 0x0a,
        cmd: 0x47,
        reasons: ['sel-changed-during-export'],
      });
  }
  await clearSel(r, { reservation });
  const entriesAfter = (await getSelInfo(r)).entries;
  return exported ? { entriesAfter, exported } : { entriesAfter };
}

/** Delete SEL Entry for each ID under one reservation, in the order given; the first refusal (e.g.
 *  0xCB: no such record) stops and is thrown, the IDs before it are deleted. */
export async function deleteSelView(
  session: Requester,
  ids: readonly number[],
  opts: { signal?: AbortSignal | undefined } = {},
): Promise<{ deleted: number[] }> {
  const r = withOptions(session, opts.signal);
  const reservation = await reserveSel(r);
  const deleted: number[] = [];
  for (const id of ids) deleted.push(await deleteSelEntry(r, id, reservation));
  return { deleted };
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function readSelTimeView(
  session: Requester,
  opts: { signal?: AbortSignal | undefined } = {},
): Promise<{ time: SelTime; offsetSeconds: number }> {
  const seconds = await getSelTime(withOptions(session, opts.signal));
  return { time: selTime(seconds), offsetSeconds: seconds - nowSeconds() };
}

/** The clock ticks between the set and the read-back; more drift than this is not our value. */
const READBACK_SLACK_S = 5;

async function setAndVerify(r: Requester, seconds: number): Promise<SelTime> {
  await setSelTime(r, seconds);
  const back = await getSelTime(r);
  if (back < seconds || back - seconds > READBACK_SLACK_S)
    throw new IpmiError('verify-failed', `SEL time reads back ${back}, set ${seconds}`, {
      host: r.host,
      command: 'Set SEL Time',
      netFn: 0x0a,
      cmd: 0x49,
      reasons: ['sel-time-readback'],
    });
  return selTime(back);
}

export async function setSelTimeView(
  session: Requester,
  seconds: number,
  opts: { signal?: AbortSignal | undefined } = {},
): Promise<{ time: SelTime }> {
  return { time: await setAndVerify(withOptions(session, opts.signal), seconds) };
}

/** Sets the SEL clock to this computer's clock (UTC seconds, as the SEL counts). */
export async function syncSelTimeView(
  session: Requester,
  opts: { signal?: AbortSignal | undefined } = {},
): Promise<{ before: SelTime; after: SelTime; offsetBeforeSeconds: number }> {
  const r = withOptions(session, opts.signal);
  const before = await getSelTime(r);
  const now = nowSeconds();
  const after = await setAndVerify(r, now);
  return { before: selTime(before), after, offsetBeforeSeconds: before - now };
}
