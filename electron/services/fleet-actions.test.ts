// The fleet's actions: each maps the contract's words onto the command module's and logs in at the
// registry's privilege for its command; the contract's lists are the command layer's, word for word.
import { describe, expect, it } from 'vitest';
import { fleetBootDevice, fleetPowerAction } from '../../shared/contract/fleet';
import { BOOT_DEVICE_CODES } from '../ipmi/commands/chassis/boot-flags';
import { CHASSIS_CONTROL_CODES } from '../ipmi/commands/chassis/chassis-control';
import type { IpmiRequest, Requester } from '../ipmi/client/requester';
import { bootDevice, FLEET_POWER_ACTIONS, identify, POWER_STATUS, powerControl } from './fleet-actions';

/** Records requests and answers each with completion code 0 and `data`. */
function recorder(data: number[] = []): Requester & { sent: IpmiRequest[] } {
  const sent: IpmiRequest[] = [];
  return {
    host: '192.0.2.1',
    sent,
    raw: async (req) => {
      sent.push(req);
      return { completionCode: 0, data: Buffer.from(data) };
    },
    request: async (req) => {
      sent.push(req);
      return Buffer.from(data);
    },
  };
}
const bytes = (r: IpmiRequest) => [r.netFn, r.cmd, ...(r.data ?? [])];

describe('fleet actions', () => {
  it('the contract offers exactly the power verbs and boot devices the command layer knows', () => {
    expect(fleetPowerAction.options).toEqual(Object.keys(FLEET_POWER_ACTIONS));
    expect([...fleetBootDevice.options].sort()).toEqual(Object.keys(BOOT_DEVICE_CODES).sort());
    for (const control of Object.values(FLEET_POWER_ACTIONS))
      expect(CHASSIS_CONTROL_CODES).toHaveProperty(control);
  });

  it.each([
    ['on', 0x01],
    ['off', 0x00],
    ['cycle', 0x02],
    ['reset', 0x03],
    ['soft', 0x05],
  ] as const)('power %s sends Chassis Control %i at Operator', async (action, code) => {
    const r = recorder();
    const a = powerControl(action);
    await a.run(r, r.host);
    expect(r.sent.map(bytes)).toEqual([[0x00, 0x02, code]]);
    expect(a.privilege).toBe('operator');
  });

  it('identify sends the interval, force or nothing; power status reads at User', async () => {
    const seen: number[][] = [];
    for (const req of [
      { kind: 'interval', seconds: 30 },
      { kind: 'force-on' },
      { kind: 'default' },
    ] as const) {
      const r = recorder();
      await identify(req).run(r, r.host);
      seen.push(...r.sent.map(bytes));
    }
    expect(seen).toEqual([
      [0x00, 0x04, 30],
      [0x00, 0x04, 0, 1],
      [0x00, 0x04],
    ]);
    expect(identify({ kind: 'default' }).privilege).toBe('operator');
    const r = recorder([0x01, 0x00, 0x00]);
    expect((await POWER_STATUS.run(r, r.host)).powerOn).toBe(true);
    expect(POWER_STATUS.privilege).toBe('user');
  });

  it('boot device writes the boot flags with the valid bit, persistent and EFI bits as asked', async () => {
    const r = recorder();
    const a = bootDevice({ device: 'pxe', persistent: true, efi: true });
    await a.run(r, r.host);
    expect(a.privilege).toBe('operator');
    // Set System Boot Options parameter 5: valid | persistent | EFI, device PXE (1) in bits 5:2
    const flags = r.sent.map(bytes).find((b) => b[0] === 0x00 && b[1] === 0x08 && b[2] === 0x05);
    expect(flags).toEqual([0x00, 0x08, 0x05, 0xe0, 0x04, 0x00, 0x00, 0x00]);
  });
});
