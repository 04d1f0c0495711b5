import { describe, expect, it } from 'vitest';
import { BOOT_ACTION, bootRequest, FLEET_ACTIONS, IDENTIFY_ACTIONS, POWER_ACTIONS } from './fleet-action';

describe('fleet actions', () => {
  it('every power verb of the contract, destructive ones with a danger confirmation', () => {
    const byVerb = Object.fromEntries(
      POWER_ACTIONS.map((a) => [a.request?.call === 'fleet.power' ? a.request.input.action : '', a.danger]),
    );
    expect(byVerb).toEqual({ on: false, soft: true, off: true, cycle: true, reset: true });
  });

  it('identify: durations within the one-byte interval, until turned off, and off (interval 0)', () => {
    const intervals = IDENTIFY_ACTIONS.map((a) =>
      a.request?.call === 'fleet.identify' ? a.request.input.interval : undefined,
    );
    expect(intervals).toEqual([15, 60, 240, 'force', 0]);
    expect(IDENTIFY_ACTIONS.every((a) => !a.danger)).toBe(true);
  });

  it('boot device: its input comes from the form, persistence and mode as chosen', () => {
    expect(BOOT_ACTION.request).toBeUndefined();
    expect(bootRequest({ device: 'pxe', persistent: true, efi: true })).toEqual({
      call: 'fleet.bootDevice',
      input: { device: 'pxe', persistent: true, efi: true },
    });
  });

  it('ids are unique', () => {
    expect(new Set(FLEET_ACTIONS.map((a) => a.id)).size).toBe(FLEET_ACTIONS.length);
  });
});
