// TODO(replace): minimal Get Device ID and Get Chassis Status encode/decode for the IPC handlers,
// until electron/ipmi/commands/app/get-device-id.ts and electron/ipmi/commands/chassis/get-chassis-status.ts
// land; then import those and delete this file.
import type { Requester, RequestOptions } from '../../ipmi/client/requester';
import { IpmiError } from '../../ipmi/errors';
import type { ChassisStatus } from '../../../shared/contract/power';
import type { DeviceInfo } from '../../../shared/contract/mc';

const NETFN_APP = 0x06;
const NETFN_CHASSIS = 0x00;

function short(host: string, command: string, got: number, want: number): IpmiError {
  return new IpmiError('protocol', `${host}: ${command}: response has ${got} bytes, expected at least ${want}`, { host, command });
}

/** IPMI v2.0 §20.1 Get Device ID (NetFn App, cmd 0x01). */
export async function getDeviceId(s: Requester, opts?: RequestOptions): Promise<DeviceInfo> {
  const d = await s.request({ netFn: NETFN_APP, cmd: 0x01 }, opts);
  if (d.length < 11) throw short(s.host, 'Get Device ID', d.length, 11);
  const support = d[5]!;
  const names = ['Sensor Device', 'SDR Repository Device', 'SEL Device', 'FRU Inventory Device', 'IPMB Event Receiver', 'IPMB Event Generator', 'Bridge', 'Chassis Device'];
  const minor = d[3]!;
  const info: DeviceInfo = {
    deviceId: d[0]!,
    deviceRevision: d[1]! & 0x0f,
    providesSdrs: (d[1]! & 0x80) !== 0,
    deviceAvailable: (d[2]! & 0x80) === 0,
    // major in binary, minor in BCD, printed as ipmitool does ("2.01")
    firmwareRevision: `${d[2]! & 0x7f}.${((minor >> 4) & 0x0f).toString()}${(minor & 0x0f).toString()}`,
    ipmiVersion: `${d[4]! & 0x0f}.${(d[4]! >> 4) & 0x0f}`,
    additionalDeviceSupport: names.filter((_, i) => (support >> i) & 1),
    manufacturerId: d[6]! | (d[7]! << 8) | ((d[8]! & 0x0f) << 16),
    productId: d[9]! | (d[10]! << 8),
  };
  if (d.length >= 15) info.auxFirmwareRevision = [...d.subarray(11, 15)].map((b) => '0x' + b.toString(16).padStart(2, '0')).join(' ');
  return info;
}

/** IPMI v2.0 §28.2 Get Chassis Status (NetFn Chassis, cmd 0x01). */
export async function getChassisStatus(s: Requester, opts?: RequestOptions): Promise<ChassisStatus> {
  const d = await s.request({ netFn: NETFN_CHASSIS, cmd: 0x01 }, opts);
  if (d.length < 3) throw short(s.host, 'Get Chassis Status', d.length, 3);
  const p = d[0]!;
  const last = d[1]!;
  const misc = d[2]!;
  const events: [number, string][] = [
    [0x01, 'ac-failed'],
    [0x02, 'overload'],
    [0x04, 'interlock'],
    [0x08, 'fault'],
    [0x10, 'command'],
  ];
  return {
    power: p & 0x01 ? 'on' : 'off',
    powerOverload: (p & 0x02) !== 0,
    powerInterlock: (p & 0x04) !== 0,
    mainPowerFault: (p & 0x08) !== 0,
    powerControlFault: (p & 0x10) !== 0,
    powerRestorePolicy: (['always-off', 'previous', 'always-on', 'unknown'] as const)[(p >> 5) & 0x03]!,
    lastPowerEvent: events.filter(([bit]) => last & bit).map(([, n]) => n),
    intrusion: (misc & 0x01) !== 0,
    frontPanelLockout: (misc & 0x02) !== 0,
    driveFault: (misc & 0x04) !== 0,
    coolingFault: (misc & 0x08) !== 0,
    identify: misc & 0x40 ? ((['off', 'temporary', 'indefinite', 'unsupported'] as const)[(misc >> 4) & 0x03] ?? 'unsupported') : 'unsupported',
  };
}
