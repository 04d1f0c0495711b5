// Warm Reset (IPMI v2.0 §20.3, NetFn App 0x06, cmd 0x03): resets the BMC's state, keeps its
// configuration; the BMC answers before resetting.
import type { Requester } from '../../client/requester';
import { call, type CommandSpec } from '../command-spec';

export const WARM_RESET: CommandSpec = { netFn: 0x06, cmd: 0x03, name: 'Warm Reset', idempotent: false };

export async function warmReset(r: Requester): Promise<void> {
  await call(r, WARM_RESET);
}
