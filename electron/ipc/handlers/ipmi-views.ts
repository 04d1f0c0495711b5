// The stack's decoded Get Device ID / Get Chassis Status, reshaped into the contract's plain data.
// Requests go through the command modules (electron/ipmi/commands/...); the signal aborts a call
// that is no longer wanted (fleet cancel, app quit).
import type { Requester, IpmiRequest, RequestOptions } from '../../ipmi/client/requester';
import { getDeviceId as readDeviceId } from '../../ipmi/commands/app/get-device-id';
import { getChassisStatus as readChassisStatus } from '../../ipmi/commands/chassis/get-chassis-status';
import type { ChassisStatus } from '../../../shared/contract/power';
import type { DeviceInfo } from '../../../shared/contract/mc';

/** A Requester view that adds per-call options (the command modules take none). */
function withOptions(r: Requester, opts?: RequestOptions): Requester {
  if (!opts) return r;
  return {
    host: r.host,
    request: (req: IpmiRequest, o?: RequestOptions) => r.request(req, { ...opts, ...o }),
    raw: (req: IpmiRequest, o?: RequestOptions) => r.raw(req, { ...opts, ...o }),
  };
}

export async function getDeviceId(s: Requester, opts?: RequestOptions): Promise<DeviceInfo> {
  const d = await readDeviceId(withOptions(s, opts));
  const info: DeviceInfo = {
    deviceId: d.deviceId,
    deviceRevision: d.deviceRevision,
    providesSdrs: d.providesDeviceSdrs,
    deviceAvailable: d.deviceAvailable,
    // minor is BCD: printed in hex, as ipmitool does ("2.01")
    firmwareRevision: `${d.firmwareMajor}.${d.firmwareMinor.toString(16).padStart(2, '0')}`,
    ipmiVersion: `${d.ipmiVersion.major}.${d.ipmiVersion.minor}`,
    additionalDeviceSupport: [...d.support],
    manufacturerId: d.manufacturerId,
    productId: d.productId,
  };
  if (d.auxFirmware)
    info.auxFirmwareRevision = [...d.auxFirmware]
      .map((b) => '0x' + b.toString(16).padStart(2, '0'))
      .join(' ');
  return info;
}

export async function getChassisStatus(s: Requester, opts?: RequestOptions): Promise<ChassisStatus> {
  const c = await readChassisStatus(withOptions(s, opts));
  const ev = c.lastPowerEvent;
  return {
    power: c.powerOn ? 'on' : 'off',
    powerOverload: c.powerOverload,
    powerInterlock: c.interlockActive,
    mainPowerFault: c.mainPowerFault,
    powerControlFault: c.powerControlFault,
    powerRestorePolicy: c.restorePolicy,
    lastPowerEvent: [
      ev.acFailed && 'ac-failed',
      ev.overload && 'overload',
      ev.interlock && 'interlock',
      ev.powerFault && 'fault',
      ev.powerOnByCommand && 'command',
    ].filter((x): x is string => typeof x === 'string'),
    intrusion: c.intrusionActive,
    frontPanelLockout: c.frontPanelLockout,
    driveFault: c.driveFault,
    coolingFault: c.coolingFault,
    identify: c.identifySupported
      ? c.identifyState === 'reserved'
        ? 'unsupported'
        : c.identifyState
      : 'unsupported',
  };
}
