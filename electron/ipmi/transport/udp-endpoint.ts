// One UDP socket per address family serves every session to every BMC. Datagrams are routed by the
// BMC's address and port to the sessions registered for it; each session decides whether a datagram is
// its own. Whatever nobody claims is counted and dropped — a stray or hostile packet never throws.
import { createSocket, type Socket } from 'node:dgram';
import { isIPv6 } from 'node:net';

export type Listener = (datagram: Buffer) => boolean;

const RECV_BUFFER_BYTES = 4 << 20;

export interface EndpointStats {
  sent: number;
  received: number;
  unclaimed: number;
}

export class UdpEndpoint {
  private sockets = new Map<4 | 6, Promise<Socket>>();
  private listeners = new Map<string, Set<Listener>>();
  private closed = false;
  readonly stats: EndpointStats = { sent: 0, received: 0, unclaimed: 0 };

  constructor(private readonly bindAddress?: { v4?: string; v6?: string }) {}

  /** Routes datagrams from address:port to the listener until the returned function is called. */
  listen(address: string, port: number, listener: Listener): () => void {
    const key = keyOf(address, port);
    let set = this.listeners.get(key);
    if (!set) this.listeners.set(key, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (set!.size === 0) this.listeners.delete(key);
    };
  }

  async send(datagram: Buffer, address: string, port: number): Promise<void> {
    if (this.closed) throw new Error('UDP endpoint closed');
    const socket = await this.socket(isIPv6(stripScope(address)) ? 6 : 4);
    this.stats.sent++;
    await new Promise<void>((resolve, reject) =>
      socket.send(datagram, port, address, (err) => (err ? reject(err) : resolve())),
    );
  }

  /** The local address and port our datagrams leave from, as the BMC sees them on a direct link. */
  async localAddress(family: 4 | 6): Promise<{ address: string; port: number }> {
    return (await this.socket(family)).address();
  }

  close(): void {
    this.closed = true;
    for (const p of this.sockets.values()) p.then((s) => s.close()).catch(() => undefined);
    this.sockets.clear();
    this.listeners.clear();
  }

  private socket(family: 4 | 6): Promise<Socket> {
    let p = this.sockets.get(family);
    if (!p) {
      p = new Promise<Socket>((resolve, reject) => {
        const s = createSocket({ type: family === 6 ? 'udp6' : 'udp4' });
        s.on('message', (msg, rinfo) => this.dispatch(msg, rinfo.address, rinfo.port));
        // Socket errors (ICMP port unreachable on some platforms) must not crash the app; the
        // affected requests simply time out.
        s.on('error', () => undefined);
        s.once('listening', () => {
          s.unref(); // pending requests keep the process alive through their timers, not the socket
          // A fleet's answers arrive in one burst (256 BMCs answer an Open Session within a millisecond);
          // the default ~208 KiB buffer overflows and costs a 1 s retransmission. The kernel caps this at
          // net.core.rmem_max.
          try {
            s.setRecvBufferSize(RECV_BUFFER_BYTES);
          } catch {
            // not permitted here: keep the default
          }
          resolve(s);
        });
        try {
          s.bind({ port: 0, address: family === 6 ? this.bindAddress?.v6 : this.bindAddress?.v4 });
        } catch (e) {
          reject(e);
        }
      });
      this.sockets.set(family, p);
    }
    return p;
  }

  private dispatch(msg: Buffer, address: string, port: number): void {
    this.stats.received++;
    const set = this.listeners.get(keyOf(address, port));
    if (set) {
      for (const l of [...set]) {
        try {
          if (l(msg)) return;
        } catch {
          // a listener bug must not take the socket down; treat as unclaimed
        }
      }
    }
    this.stats.unclaimed++;
  }
}

const stripScope = (a: string) => a.replace(/%.*$/, '');
const keyOf = (address: string, port: number) => `${stripScope(address).toLowerCase()}|${port}`;

let shared: UdpEndpoint | undefined;
/** The process-wide endpoint used when a caller does not bring its own. */
export function sharedEndpoint(): UdpEndpoint {
  return (shared ??= new UdpEndpoint());
}
