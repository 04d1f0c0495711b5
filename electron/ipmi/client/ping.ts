// RMCP/ASF Presence Ping (ASF 2.0 §3.2.4.3): is an ASF/IPMI agent listening at this address? Optional —
// some BMCs never answer pings — so the session layer does not depend on it.
import { randomBytes } from 'node:crypto';
import { IpmiError } from '../errors';
import { decodePresencePong, encodePresencePing, type PresencePong } from '../rmcp/asf-ping';
import { sharedEndpoint, type UdpEndpoint } from '../transport/udp-endpoint';
import { describeTries, retransmit } from './retransmit';

export async function presencePing(
  host: string,
  opts: { port?: number; timeoutMs?: number; retries?: number; endpoint?: UdpEndpoint } = {},
): Promise<PresencePong & { rttMs: number }> {
  const port = opts.port ?? 623;
  const endpoint = opts.endpoint ?? sharedEndpoint();
  const tag = randomBytes(1)[0]! & 0xfe; // 0xFF means "no response wanted" for some agents
  let done: ((p: PresencePong) => void) | undefined;
  const got = new Promise<PresencePong>((r) => (done = r));
  const unlisten = endpoint.listen(host, port, (d) => {
    const p = decodePresencePong(d);
    if (!p || p.tag !== tag) return false;
    done!(p);
    return true;
  });
  try {
    let sentAt = 0;
    // The stack's one retransmission loop, on the fixed schedule: a ping measures, it does not adapt.
    const outcome = await retransmit<PresencePong>(
      { timeoutMs: opts.timeoutMs ?? 1000, retries: opts.retries ?? 2, adaptive: false },
      {
        send: async () => {
          sentAt = performance.now();
          await endpoint.send(encodePresencePing(tag), host, port);
        },
        wait: (ms) => {
          let timer: NodeJS.Timeout | undefined;
          return Promise.race([
            got,
            new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), ms))),
          ]).finally(() => clearTimeout(timer));
        },
      },
    );
    if (outcome.kind === 'answer') return { ...outcome.value, rttMs: performance.now() - sentAt };
    throw new IpmiError(
      'timeout',
      `${host}: no answer to RMCP presence ping after ${describeTries(outcome)} (some BMCs never answer pings)`,
      {
        host,
        command: 'RMCP Presence Ping',
        tries: outcome.tries,
      },
    );
  } finally {
    unlisten();
  }
}
