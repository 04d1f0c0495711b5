// Set Power Restore Policy (IPMI v2.0 §28.8, NetFn Chassis 0x00, cmd 0x06). Request bits 2:0: 0 stay
// off, 1 restore previous, 2 always on, 3 no change - the last one is how a client asks which policies
// the BMC supports without changing anything. Response byte 1: bitmask of supported policies.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, requireLength, type CommandSpec } from '../command-spec';

export const SET_POWER_RESTORE_POLICY: CommandSpec = {
  netFn: 0x00,
  cmd: 0x06,
  name: 'Set Power Restore Policy',
};

export type SettablePowerRestorePolicy = 'always-off' | 'previous' | 'always-on';

export const POLICY_CODES: Record<SettablePowerRestorePolicy | 'no-change', number> = {
  'always-off': 0,
  previous: 1,
  'always-on': 2,
  'no-change': 3,
};

export interface SupportedPolicies {
  alwaysOff: boolean;
  previous: boolean;
  alwaysOn: boolean;
}

export function encodePowerRestorePolicy(policy: SettablePowerRestorePolicy | 'no-change'): Uint8Array {
  if (!Object.hasOwn(POLICY_CODES, policy))
    throw argumentError(`unknown power restore policy: ${String(policy)}`, {
      command: SET_POWER_RESTORE_POLICY.name,
    });
  return Uint8Array.of(POLICY_CODES[policy]);
}

export function decodeSupportedPolicies(data: Uint8Array, host = ''): SupportedPolicies {
  requireLength(data, 1, SET_POWER_RESTORE_POLICY, host);
  const b = data[0]!;
  return { alwaysOff: (b & 1) !== 0, previous: (b & 2) !== 0, alwaysOn: (b & 4) !== 0 };
}

/** Sets the policy; resolves with the policies the BMC supports. */
export async function setPowerRestorePolicy(
  r: Requester,
  policy: SettablePowerRestorePolicy,
): Promise<SupportedPolicies> {
  return decodeSupportedPolicies(
    await call(r, SET_POWER_RESTORE_POLICY, encodePowerRestorePolicy(policy)),
    r.host,
  );
}

/** Asks which policies are supported, changing nothing ("no change" request). */
export async function getSupportedPowerRestorePolicies(r: Requester): Promise<SupportedPolicies> {
  return decodeSupportedPolicies(
    await call(r, SET_POWER_RESTORE_POLICY, encodePowerRestorePolicy('no-change')),
    r.host,
  );
}
