// The address a BMC sees as our source: the local address of a UDP socket connected to the BMC. A
// connected UDP socket sends nothing; connect() only asks the kernel for the route, and getsockname()
// (Node: socket.address()) then names the interface address that route uses. With NAT in between the BMC
// sees the translated address instead, which no client can learn from its own socket.
import { createSocket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { IpmiError } from '../errors';
import type { Requester } from './requester';

export async function routeSourceAddress(host: string, port = 623): Promise<string> {
  try {
    const address = isIP(host) ? host : (await lookup(host)).address;
    const socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('error', reject);
        socket.connect(port, address, () => resolve());
      });
      return socket.address().address;
    } finally {
      socket.close();
    }
  } catch (e) {
    throw new IpmiError('argument', `${host}: cannot find the local address used to reach this BMC`, {
      host,
      cause: e,
    });
  }
}

/**
 * Our source address as `requester`'s BMC sees it. A session that knows its socket's local address may
 * expose it as `localAddress` (a string or a function returning one); otherwise the route is asked.
 */
export async function sourceAddressOf(requester: Requester, port = 623): Promise<string> {
  const own = (requester as { localAddress?: unknown }).localAddress;
  const value: unknown = typeof own === 'function' ? await (own as () => unknown).call(requester) : own;
  if (typeof value === 'string' && value !== '' && value !== '0.0.0.0' && value !== '::') return value;
  return routeSourceAddress(requester.host, port);
}
