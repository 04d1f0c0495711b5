// A boot override the way ipmitool 1.8.19 writes one (lib/ipmi_chassis.c ipmi_chassis_set_bootdev),
// because BIOSes are tested against that sequence: set-in-progress, clear the BIOS/POST
// acknowledgement, write boot flags with the valid bit, commit, set complete. BMCs without the
// set-in-progress parameter (many, ipmi_sim included) just skip those steps.
import type { Requester } from '../../client/requester';
import { isIpmiError } from '../../errors';
import { encodeBootFlags, type BootFlagsInput } from './boot-flags';
import {
  BOOT_PARAM,
  encodeBootInfoAck,
  encodeSetInProgress,
  setBootOption,
  type SetInProgress,
} from './system-boot-options';

/** A refusal (completion code) is tolerated; no answer at all is not. */
async function tolerated(p: Promise<void>): Promise<boolean> {
  try {
    await p;
    return true;
  } catch (e) {
    if (isIpmiError(e) && (e.kind === 'completion-code' || e.kind === 'privilege')) return false;
    throw e;
  }
}

export async function setBootFlags(r: Requester, flags: BootFlagsInput): Promise<void> {
  // Encode first: a bad argument must fail before anything is sent.
  await writeBootFlags(r, encodeBootFlags({ ...flags, valid: true }));
}

/**
 * Removes a boot override: boot flags with the valid bit clear (and no device), in the same sequence.
 * The BIOS then boots as configured; a persistent override ends too.
 */
export async function clearBootFlags(r: Requester): Promise<void> {
  await writeBootFlags(r, encodeBootFlags({ device: 'none', valid: false }));
}

async function writeBootFlags(r: Requester, value: Uint8Array): Promise<void> {
  let useProgress = true;
  const progress = async (state: Exclude<SetInProgress, 'reserved'>) => {
    if (!useProgress) return;
    const ok = await tolerated(setBootOption(r, BOOT_PARAM.setInProgress, encodeSetInProgress(state)));
    if (!ok && state === 'set-in-progress') useProgress = false;
  };
  await progress('set-in-progress');
  try {
    await tolerated(setBootOption(r, BOOT_PARAM.bootInfoAcknowledge, encodeBootInfoAck({ biosPost: true })));
    await setBootOption(r, BOOT_PARAM.bootFlags, value);
    await progress('commit-write');
  } finally {
    await progress('set-complete').catch(() => undefined);
  }
}
