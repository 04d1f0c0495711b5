import type { AppServices } from './context';
import { keychainStatus } from './context';
import type { Handlers } from '../dispatch';

export function credentialsHandlers(
  s: AppServices,
): Pick<Handlers, 'credentials.set' | 'credentials.has' | 'credentials.delete'> {
  return {
    'credentials.set': async ({ hostId, password }) => {
      s.inventory.require(hostId);
      await s.credentials.set(hostId, password);
      await s.pool.close(hostId); // the next call logs in with the new password
      return { stored: true, keychain: keychainStatus(s) };
    },
    'credentials.has': async ({ hostId }) => {
      s.inventory.require(hostId);
      return { stored: await s.credentials.has(hostId) };
    },
    'credentials.delete': async ({ hostId }) => {
      s.inventory.require(hostId);
      await s.pool.close(hostId);
      return { deleted: await s.credentials.delete(hostId) };
    },
  };
}
