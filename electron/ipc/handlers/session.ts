import type { AppServices } from './context';
import type { Handlers } from '../dispatch';

export function sessionHandlers(s: AppServices): Pick<Handlers, 'session.connect' | 'session.disconnect'> {
  return {
    'session.connect': async ({ hostId }) => {
      const info = await s.pool.use(hostId, async (session) => session.info);
      return info
        ? {
            connected: true as const,
            info: {
              interface: info.interface,
              privilege: info.privilege,
              ...(info.cipherSuite !== undefined ? { cipherSuite: info.cipherSuite } : {}),
              ...(info.authType !== undefined ? { authType: info.authType } : {}),
            },
          }
        : { connected: true as const };
    },
    'session.disconnect': async ({ hostId }) => {
      s.inventory.require(hostId);
      return { closed: await s.pool.close(hostId) };
    },
  };
}
