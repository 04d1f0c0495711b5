// RMCP+ message tags (IPMI v2.0 §13.17-13.21), handed out per BMC so that no two logins in this process
// hold the same tag at once. A refused Open Session comes back as two bytes, tag and status (OpenIPMI's
// ipmi_sim sends nothing more; the spec leaves the console session ID out too), so the tag is all that
// ties the refusal to its request. Every session to a BMC listens on one shared socket: with tags drawn
// at random, the refusal of one session's suite-17 proposal was taken by another session whose suite-3
// proposal happened to carry the same tag, and that session went on to suite 8, which ipmi_sim's
// in-session checks do not accept (the parity flake of `chassis status` over a negotiated suite).
import { secureRandom } from '../rmcpplus/random';

interface Pool {
  next: number;
  held: Set<number>;
}

const pools = new Map<string, Pool>();

/**
 * A tag no other login to `bmc` (address|port) holds, held until `release`. Tags go round from a
 * random start, so a tag freed by one login is reused only after the other 255 (a late copy of an
 * answer to it has long arrived). With all 256 held, which no BMC's session table allows, any tag.
 */
export function acquireMessageTag(bmc: string): number {
  let pool = pools.get(bmc);
  if (!pool) pools.set(bmc, (pool = { next: secureRandom(1)[0]!, held: new Set() }));
  for (let i = 0; i < 256; i++) {
    const tag = (pool.next + i) & 0xff;
    if (pool.held.has(tag)) continue;
    pool.next = (tag + 1) & 0xff;
    pool.held.add(tag);
    return tag;
  }
  return secureRandom(1)[0]!;
}

export function releaseMessageTag(bmc: string, tag: number): void {
  // The pool itself stays (a few bytes per BMC): its position is what keeps a freed tag from coming
  // straight back.
  pools.get(bmc)?.held.delete(tag);
}
