// Known answers for the event `event <sensor> <threshold> [assert|deassert]` builds, worked out from
// ipmitool 1.8.19's ipmi_event_fromsensor: offset (going low even, going high odd), trigger reading one
// hysteresis step past the raw threshold (at least 1, clamped to 0..255), data 1 flag 0x50.
import { describe, expect, it } from 'vitest';
import { thresholdEvent } from './event';

const cpu = { sensorType: 0x01, number: 0x10 };

describe('thresholdEvent', () => {
  it.each([
    ['ucr', false, 0x5a, 0, [0x59, 0x5b, 0x5a]], // upper critical going high; no hysteresis: step 1
    ['ucr', true, 0x5a, 2, [0x58, 0x58, 0x5a]], // deasserting an upper threshold: going low
    ['lnc', false, 0x0a, 3, [0x50, 0x07, 0x0a]], // lower non-critical going low
    ['lnc', true, 0x0a, 3, [0x51, 0x0d, 0x0a]],
    ['unr', false, 0xff, 4, [0x5b, 0xff, 0xff]], // clamped at 255
    ['lnr', false, 0x00, 4, [0x54, 0x00, 0x00]], // clamped at 0
  ] as const)('%s deassert=%s threshold %i hysteresis %i', (state, deassert, raw, hys, data) => {
    const ev = thresholdEvent(cpu, state, deassert, raw, hys);
    expect(ev).toEqual({
      evmRevision: 4,
      sensorType: 1,
      sensorNumber: 0x10,
      eventType: 1,
      deassertion: deassert,
      eventData: data,
    });
  });

  it('no hysteresis reply counts as 1', () => {
    expect(thresholdEvent(cpu, 'unc', false, 0x50, undefined).eventData).toEqual([0x57, 0x51, 0x50]);
  });
});
