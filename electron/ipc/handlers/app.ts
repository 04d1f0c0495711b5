import type { AppServices } from './context';
import { keychainStatus } from './context';
import type { Handlers } from '../dispatch';

export function appHandlers(s: AppServices): Pick<Handlers, 'app.status' | 'operations.cancel'> {
  return {
    'app.status': async () => ({
      version: s.version,
      keychain: keychainStatus(s),
      inventory: s.inventory.notice
        ? { restoredFromBackup: s.inventory.restoredFromBackup, notice: s.inventory.notice }
        : { restoredFromBackup: s.inventory.restoredFromBackup },
    }),
    'operations.cancel': async ({ operationId }) => ({ cancelled: s.operations.cancel(operationId) }),
  };
}
