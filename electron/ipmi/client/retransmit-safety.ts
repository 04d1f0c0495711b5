// Which requests may be retransmitted early. A command module declares it with its CommandSpec
// (`idempotent: false`, passed on as RequestOptions.idempotent); this table is the backstop for the
// non-idempotent commands that some modules send without a spec, so that no caller can have them run
// twice by forgetting the option. A module may still say `idempotent: true` for an OEM read.
import type { IpmiRequest, RequestOptions } from './requester';

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
