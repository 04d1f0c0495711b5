// Chassis Control (IPMI v2.0 §28.3, NetFn Chassis 0x00, cmd 0x02): one request byte, bits 3:0.
import type { Requester } from '../../client/requester';
import { argumentError } from '../../errors';
import { call, type CommandSpec } from '../command-spec';

export const CHASSIS_CONTROL: CommandSpec = {
  netFn: 0x00,
  cmd: 0x02,
  name: 'Chassis Control',
  idempotent: false,
};

export const CHASSIS_CONTROL_CODES = {
  'power-down': 0,
  'power-up': 1,
  'power-cycle': 2,
  'hard-reset': 3,
  /** pulse a diagnostic interrupt (NMI) */
  'diag-interrupt': 4,
  /** ask the OS to shut down via ACPI overtemperature emulation */
  'soft-shutdown': 5,
} as const;

export type ChassisControlAction = keyof typeof CHASSIS_CONTROL_CODES;

export function encodeChassisControl(action: ChassisControlAction): Uint8Array {
  if (!Object.hasOwn(CHASSIS_CONTROL_CODES, action))
    throw argumentError(`unknown chassis control action: ${String(action)}`, {
      command: CHASSIS_CONTROL.name,
    });
  return Uint8Array.of(CHASSIS_CONTROL_CODES[action]);
}

export async function chassisControl(r: Requester, action: ChassisControlAction): Promise<void> {
  await call(r, CHASSIS_CONTROL, encodeChassisControl(action));
}
