// Chassis calls (IPMI v2.0 §28): power control, identify, power-restore policy, boot options, restart
// cause and power-on hours. Views in shared/domain/chassis.ts; writes answer with a read-back view.
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';
import {
  bootDevice,
  bootFlagOptions,
  bootOptions,
  chassisControlAction,
  powerOnHours,
  powerPolicy,
  restartCause,
  settablePowerRestorePolicy,
  validBitKeep,
} from '../domain/chassis';

const onHost = z.strictObject({ hostId });
const example = { hostId: 'h0example01' };

export const chassisCalls = {
  'chassis.control': call({
    summary: 'Chassis Control: power on/off/cycle, hard reset, soft (ACPI) shutdown, diagnostic interrupt',
    privilege: 'operator',
    input: z.strictObject({ hostId, action: chassisControlAction }),
    output: z.strictObject({ action: chassisControlAction }),
    example: { hostId: 'h0example01', action: 'on' },
  }),
  'chassis.identify': call({
    summary:
      'Chassis Identify: blink for the BMC default (15 s), for N seconds (0 = off), or until turned off',
    privilege: 'operator',
    input: z.strictObject({
      hostId,
      /** absent: the BMC's default interval */
      seconds: z.number().int().min(0).max(255).optional(),
      /** on until turned off (seconds must then be absent) */
      force: z.boolean().optional(),
    }),
    output: z.strictObject({ identify: z.enum(['default', 'interval', 'off', 'indefinite']) }),
    example: { hostId: 'h0example01', seconds: 30 },
  }),
  'chassis.policy.get': call({
    summary: 'Power-restore policy now in effect and the policies the BMC supports',
    // the supported set is asked with a "no change" Set Power Restore Policy, an Operator command
    privilege: 'operator',
    input: onHost,
    output: powerPolicy,
    example,
  }),
  'chassis.policy.set': call({
    summary: 'Set the power-restore policy; answers with the policy read back',
    privilege: 'operator',
    input: z.strictObject({ hostId, policy: settablePowerRestorePolicy }),
    output: powerPolicy,
    example: { hostId: 'h0example01', policy: 'previous' },
  }),
  'chassis.boot.get': call({
    summary: 'Boot options: device, once/persistent, legacy/EFI, flags, valid-bit clearing',
    privilege: 'operator',
    input: onHost,
    output: bootOptions,
    example,
  }),
  'chassis.boot.set': call({
    summary: 'Set a boot override (and optionally which events keep it); answers with the options read back',
    privilege: 'operator',
    input: z.strictObject({
      hostId,
      device: bootDevice,
      persistent: z.boolean().optional(),
      efi: z.boolean().optional(),
      flags: bootFlagOptions.optional(),
      /** per event: keep (true) or clear (false) the valid bit; events left out stay as they are */
      keepValidBitOn: validBitKeep.partial().optional(),
    }),
    output: bootOptions,
    example: { hostId: 'h0example01', device: 'pxe', persistent: false, efi: true },
  }),
  'chassis.boot.clear': call({
    summary: 'Remove the boot override (boot flags no longer valid); answers with the options read back',
    privilege: 'operator',
    input: onHost,
    output: bootOptions,
    example,
  }),
  'chassis.restartCause': call({
    summary: 'Why the system last restarted (Get System Restart Cause)',
    privilege: 'user',
    input: onHost,
    output: restartCause,
    example,
  }),
  'chassis.powerOnHours': call({
    summary: 'Power-on hours counter (Get POH Counter)',
    privilege: 'user',
    input: onHost,
    output: powerOnHours,
    example,
  }),
};
