// RMCP/ASF Presence Ping (ASF 2.0 §3.2.4.3): is an ASF/IPMI agent listening at this address? Optional —
// some BMCs never answer pings — so the session layer does not depend on it.
import { randomBytes } from 'node:crypto';
import { IpmiError } from '../errors';
import { decodePresencePong, encodePresencePing, type PresencePong } from '../rmcp/asf-ping';
import { sharedEndpoint, type UdpEndpoint } from '../transport/udp-endpoint';

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
    const tries = (opts.retries ?? 2) + 1;
    for (let i = 0; i < tries; i++) {
      const t0 = performance.now();
      await endpoint.send(encodePresencePing(tag), host, port);
      let timer: NodeJS.Timeout | undefined;
      const r = await Promise.race([
        got,
        new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), opts.timeoutMs ?? 1000))),
      ]);
      clearTimeout(timer);
      if (r) return { ...r, rttMs: performance.now() - t0 };
    }
    throw new IpmiError(
      'timeout',
      `${host}: no answer to RMCP presence ping after ${tries} tries (some BMCs never answer pings)`,
      {
        host,
        command: 'RMCP Presence Ping',
        tries,
      },
    );
  } finally {
    unlisten();
  }
}
