// App-wide state the UI must show: where passwords are kept, and whether the inventory was restored.
import { z } from 'zod';
import { call, noArgs, operationId } from './define';

export const keychainStatus = z.strictObject({
  /** 'os' = the platform keychain; 'memory' = no keychain reachable, passwords kept for this run only */
  backend: z.enum(['os', 'memory']),
  detail: z.string().optional(),
});

export const appCalls = {
  'app.status': call({
    summary: 'Keychain backend, inventory recovery notice, version',
    privilege: 'none',
    input: noArgs,
    output: z.strictObject({
      version: z.string(),
      keychain: keychainStatus,
      inventory: z.strictObject({ restoredFromBackup: z.boolean(), notice: z.string().optional() }),
    }),
    example: {},
  }),
  'operations.cancel': call({
    summary: 'Cancel a running long operation by its id',
    privilege: 'none',
    input: z.strictObject({ operationId }),
    output: z.strictObject({ cancelled: z.boolean() }),
    example: { operationId: 'op-example-0001' },
  }),
};
