// Per-host retransmission timeout, as TCP computes it (RFC 6298): a smoothed round-trip time and its
// variance from replies to requests answered on their first transmission (Karn's rule: a reply to a
// retransmitted request cannot say which transmission it answers). Shared by every session to a host,
// so a reconnect or a second session starts from what the first one learned.

/** No retransmission sooner than this. A BMC answers a simple read within a few ms on a LAN; its slower
 *  commands (sensor reads that go to an I2C bus, SDR reads from flash) get their own, higher floor
 *  from their measured times (see `slow`), and the variance term covers a jittery link. */
export const MIN_RTO_MS = 20;
/** Login steps never retransmit sooner than this: a repeated Open Session makes the BMC open a second
 *  session it holds until its timeout (OpenIPMI 30 s; BMCs with 4 to 8 slots run out), and a repeated
 *  RAKP 1 makes some BMCs draw a new random (pyghmi). */
export const LOGIN_MIN_RTO_MS = 100;
/** The floor of a command this host has not answered yet (see rto). */
export const UNSEEN_COMMAND_MIN_RTO_MS = LOGIN_MIN_RTO_MS;
/** Before any round trip to a host was measured: RFC 6298 says 1 s; half of that still covers a BMC
 *  behind a slow VPN (a spurious repeat of the first Open Session costs it one half-open session),
 *  while a lost first datagram on a LAN no longer costs a whole second. Backs off by doubling. */
export const INITIAL_RTO_MS = 500;
/** RFC 6298 §2: alpha 1/8, beta 1/4, K 4; G is our timer granularity. */
const ALPHA = 1 / 8;
const BETA = 1 / 4;
const K = 4;
const G = 1;

export class RttEstimator {
  private srtt: number | undefined;
  private rttvar = 0;
  /** per command ((netFn << 8) | cmd, or a login step's name): the largest recent round trip, decayed, so that one slow command
   *  keeps its own timer above its own response time even when fast commands dominate the average */
  private slow = new Map<number | string, number>();
  samples = 0;

  constructor(readonly floorMs = MIN_RTO_MS) {}

  /** A round trip measured on a request answered at its first transmission. */
  sample(ms: number, command?: number | string): void {
    if (!Number.isFinite(ms) || ms < 0) return;
    this.samples++;
    if (this.srtt === undefined) {
      this.srtt = ms;
      this.rttvar = ms / 2;
    } else {
      this.rttvar = (1 - BETA) * this.rttvar + BETA * Math.abs(this.srtt - ms);
      this.srtt = (1 - ALPHA) * this.srtt + ALPHA * ms;
    }
    if (command !== undefined) this.slow.set(command, Math.max(ms, (this.slow.get(command) ?? 0) * 0.9));
  }

  /** The timeout of a first transmission, or undefined before any sample (see INITIAL_RTO_MS). `ahead`: requests already in flight on the session, which a BMC
   *  that serves one at a time answers first; each adds one smoothed round trip, so a pipelined burst
   *  is not retransmitted while it is merely queued. */
  rto(command?: number | string, ahead = 0): number | undefined {
    if (this.srtt === undefined) return undefined;
    // A command not yet timed on this host may be one of the slow ones (a Get Chassis Status that asks
    // a CPLD over I2C; the lab's forks a hook script): until it has answered once, it waits as long as
    // a login step does.
    const seen = command === undefined ? undefined : this.slow.get(command);
    const own = command === undefined ? 0 : seen === undefined ? UNSEEN_COMMAND_MIN_RTO_MS : 2 * seen;
    const base = Math.max(this.floorMs, this.srtt + Math.max(G, K * this.rttvar), own);
    return Math.round(base + Math.max(0, ahead) * this.srtt);
  }
}

const perHost = new Map<string, RttEstimator>();

/** The estimator every session to this BMC address and port shares. */
export function rttEstimatorFor(address: string, port: number): RttEstimator {
  const key = `${address.toLowerCase()}|${port}`;
  let e = perHost.get(key);
  if (!e) perHost.set(key, (e = new RttEstimator()));
  return e;
}
