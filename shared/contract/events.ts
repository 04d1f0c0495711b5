// Main → renderer events. Fixed names only (no per-operation channels), so the preload can allow-list them.
import { z } from 'zod';
import { hostStatus } from './host-status';

export const events = {
  /** one step of a long operation; `item` has the call's progress schema */
  'operation.progress': z.strictObject({
    operationId: z.string(),
    call: z.string(),
    done: z.number().int(),
    total: z.number().int(),
    item: z.unknown(),
  }),
  /** something the user must be told about once (inventory restored from backup, no keychain) */
  'app.notice': z.strictObject({
    kind: z.enum(['inventory-restored', 'keychain-memory']),
    message: z.string(),
  }),
  /** the host list changed (another window, an import) */
  'hosts.changed': z.strictObject({ count: z.number().int() }),
  /** background polling: the hosts whose status changed since the last tick (one event per tick) */
  'hosts.status': z.strictObject({ hosts: z.array(hostStatus) }),
};
export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
