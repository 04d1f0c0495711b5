// Cold Reset (IPMI v2.0 §20.2, NetFn App 0x06, cmd 0x02). The BMC may reboot before it answers, so
// a missing response counts as success, as the spec allows.
import type { Requester } from '../../client/requester';
import { isIpmiError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';

export const COLD_RESET: CommandSpec = { netFn: 0x06, cmd: 0x02, name: 'Cold Reset', idempotent: false };

export async function coldReset(r: Requester): Promise<void> {
  try {
    await call(r, COLD_RESET, undefined, { retries: 0 });
  } catch (e) {
    if (isIpmiError(e) && e.kind === 'timeout') return;
    throw e;
  }
}
