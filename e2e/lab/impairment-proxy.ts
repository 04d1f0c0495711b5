// A UDP proxy on 127.0.0.1 that loses and reorders datagrams in both directions, to test the client's
// retransmission against a real BMC under a bad network. Deterministic: driven by a seeded PRNG.
import { createSocket, type RemoteInfo, type Socket } from 'node:dgram';

export interface ImpairmentOptions {
  /** probability of dropping each datagram, each direction */
  drop: number;
  /** probability of holding a datagram back so a later one overtakes it */
  reorder: number;
  /** how long a held-back datagram waits (ms) */
  reorderDelayMs?: number;
  /** one-way delay added to every forwarded datagram (ms), e.g. 1 for a LAN-like round trip */
  delayMs?: number;
  seed?: number;
  /** drop datagrams from the BMC this predicate picks (besides the random drops), e.g. one RAKP 4 */
  dropFromBmc?: (datagram: Buffer) => boolean;
  /** drop datagrams to the BMC this predicate picks, e.g. the first RAKP 3 */
  dropToBmc?: (datagram: Buffer) => boolean;
  /** extra delay (ms) for the datagrams from the BMC this returns a number for, e.g. a late RAKP 2 */
  delayFromBmc?: (datagram: Buffer) => number | undefined;
  /** a second copy, this many ms after the first, of the datagrams from the BMC this returns a number
   *  for (a network that duplicates), e.g. every refused Open Session */
  duplicateFromBmc?: (datagram: Buffer) => number | undefined;
  /** where clients reach the proxy: '127.0.0.1' (default) or '::1' to give an IPv4-only BMC an IPv6 front */
  listen?: '127.0.0.1' | '::1';
}

export interface ImpairmentProxy {
  port: number;
  /** toBmc/fromBmc count datagrams that arrived at the proxy from each side */
  stats: { forwarded: number; dropped: number; reordered: number; toBmc: number; fromBmc: number };
  close(): void;
}

/** A lossless proxy counts datagrams: pass { drop: 0, reorder: 0 }. */
export async function startImpairmentProxy(
  target: { host: string; port: number },
  o: ImpairmentOptions,
): Promise<ImpairmentProxy> {
  let seed = o.seed ?? 0x2545f491;
  const random = () => {
    // xorshift32
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return ((seed >>> 0) % 1_000_000) / 1_000_000;
  };
  const stats = { forwarded: 0, dropped: 0, reordered: 0, toBmc: 0, fromBmc: 0 };
  const front = createSocket(o.listen === '::1' ? 'udp6' : 'udp4');
  const back = createSocket('udp4'); // one client at a time is enough for the tests
  let client: RemoteInfo | undefined;
  const forward = (socket: Socket, msg: Buffer, port: number, host: string, extraDelay = 0) => {
    if (random() < o.drop) {
      stats.dropped++;
      return;
    }
    const send = () => {
      stats.forwarded++;
      socket.send(msg, port, host);
    };
    const delay = (o.delayMs ?? 0) + extraDelay;
    if (random() < o.reorder) {
      stats.reordered++;
      setTimeout(send, delay + (o.reorderDelayMs ?? 30));
    } else if (delay > 0) setTimeout(send, delay);
    else send();
  };
  front.on('message', (msg, rinfo) => {
    client = rinfo;
    stats.toBmc++;
    if (o.dropToBmc?.(msg)) {
      stats.dropped++;
      return;
    }
    forward(back, msg, target.port, target.host);
  });
  back.on('message', (msg) => {
    stats.fromBmc++;
    if (o.dropFromBmc?.(msg)) {
      stats.dropped++;
      return;
    }
    if (!client) return;
    const delay = o.delayFromBmc?.(msg) ?? 0;
    forward(front, msg, client.port, client.address, delay);
    const copyAfter = o.duplicateFromBmc?.(msg);
    if (copyAfter !== undefined) forward(front, msg, client.port, client.address, delay + copyAfter);
  });
  await Promise.all([
    new Promise<void>((r) => front.bind(0, o.listen ?? '127.0.0.1', r)),
    new Promise<void>((r) => back.bind(0, '127.0.0.1', r)),
  ]);
  return {
    port: front.address().port,
    stats,
    close() {
      front.close();
      back.close();
    },
  };
}
