// Which requests may be retransmitted early. A command module declares it with its CommandSpec
// (`idempotent: false`, passed on as RequestOptions.idempotent); this table is the backstop for the
// non-idempotent commands that some modules send without a spec, so that no caller can have them run
// twice by forgetting the option. A module may still say `idempotent: true` for an OEM read.
import type { IpmiRequest, RequestOptions } from './requester';
import { commandEntry } from '../message/command-registry';
import { INITIAL_RTO_MS } from './rtt-estimator';

const key = (netFn: number, cmd: number) => (netFn << 8) | cmd;

/** Commands whose second execution does something the first did not. */
export const NON_IDEMPOTENT = new Set([
  key(0x00, 0x02), // Chassis Control: a second power cycle
  key(0x06, 0x02), // Cold Reset
  key(0x06, 0x03), // Warm Reset
  key(0x04, 0x02), // Platform Event Message: a second event in the SEL
  key(0x0a, 0x44), // Add SEL Entry: a second entry
  key(0x0a, 0x47), // Clear SEL: erases entries logged since the first
  key(0x0a, 0x45), // Partial Add SEL Entry
  key(0x32, 0x76), // AMI Set Firewall: adding a rule twice leaves two rules
]);

/** Group-extension and OEM NetFns (IPMI v2.0 table 5-1: 0x2C..0x3F): their effect is the vendor's,
 *  so they count as non-idempotent unless the sender says otherwise. */
const isOem = (netFn: number) => netFn >= 0x2c;

export function isIdempotent(req: IpmiRequest, opts: RequestOptions): boolean {
  return opts.idempotent ?? !(NON_IDEMPOTENT.has(key(req.netFn, req.cmd)) || isOem(req.netFn));
}

/**
 * No early copy of a write before this. Many BMCs do not recognise a repeated request by its sequence
 * number (OpenIPMI's ipmi_sim runs a repeated Chassis Identify, Set Sensor Thresholds or Reserve SEL
 * again), and a write often does slow work (a CPLD, a flash page, a hook): on a loaded machine its
 * answer took longer than the 100 ms an untimed read may wait, and the identify ran twice. Writes are few
 * and interactive, so waiting as long as for a first contact costs nothing one notices; reads, which a
 * pipelined SDR or SEL walk sends by the hundred, keep the adaptive floor.
 */
export const WRITE_MIN_RTO_MS = INITIAL_RTO_MS;

/** A Get/Read command by the registry's title; anything else (and an unknown command) is a write. */
export function isRead(req: Pick<IpmiRequest, 'netFn' | 'cmd'>): boolean {
  const name = commandEntry(req.netFn, req.cmd)?.name;
  return name !== undefined && /^(Get|Read) /.test(name);
}

/** Session-layer commands the BMC answers from the session's own state (no slow work, and a repeat
 *  changes nothing): Set Session Privilege Level, Close Session. A login and a logout send one each,
 *  so a 500 ms floor on them doubled a cold `power status` at 10 % loss (0.41 s median to 1.01 s). */
const SESSION_LAYER = new Set([key(0x06, 0x3b), key(0x06, 0x3c)]);

/** Whether an early copy of this request waits at least WRITE_MIN_RTO_MS. */
export const waitsWriteFloor = (req: Pick<IpmiRequest, 'netFn' | 'cmd'>): boolean =>
  !isRead(req) && !SESSION_LAYER.has(key(req.netFn, req.cmd));
