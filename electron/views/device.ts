// The device view (shared/domain/device.ts) from Get Device ID: firmware revision and IPMI version text
// are built here once; `mc info` prints this view, `mc.info` returns it.
import { getDeviceId, type DeviceId } from '../ipmi/commands/app/get-device-id';
import type { Requester } from '../ipmi/client/requester';
import { manufacturerName } from '../ipmi/decode/iana-enterprises';
import { productName } from '../ipmi/decode/oem-products';
import type { DeviceInfo } from '../../shared/domain/device';
import { withOptions, type ViewOptions } from './requester-options';

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** The minor revision is BCD and so read in hex: 0x01 is "01", 0x10 "10" (ipmitool prints "%x.%02x"). */
export const firmwareRevisionText = (major: number, minor: number): string => `${major}.${hex2(minor)}`;

/** Each nibble is BCD: printed in hex ("%x.%x"), so a nibble 0xA would read "a", as ipmitool shows it. */
export const ipmiVersionText = (v: { major: number; minor: number }): string =>
  `${v.major.toString(16)}.${v.minor.toString(16)}`;

export function deviceView(d: DeviceId, registry?: ReadonlyMap<number, string>): DeviceInfo {
  const view: DeviceInfo = {
    deviceId: d.deviceId,
    deviceRevision: d.deviceRevision,
    firmwareRevision: firmwareRevisionText(d.firmwareMajor, d.firmwareMinor),
    ipmiVersion: ipmiVersionText(d.ipmiVersion),
    manufacturerId: d.manufacturerId,
    productId: d.productId,
    deviceAvailable: d.deviceAvailable,
    providesSdrs: d.providesDeviceSdrs,
    additionalDeviceSupport: [...d.support],
  };
  const m = manufacturerName(d.manufacturerId, registry);
  if (m !== undefined) view.manufacturerName = m;
  const p = productName(d.manufacturerId, d.productId);
  if (p !== undefined) view.productName = p;
  if (d.auxFirmware) {
    view.auxFirmware = [...d.auxFirmware];
    view.auxFirmwareRevision = view.auxFirmware.map((b) => '0x' + hex2(b)).join(' ');
  }
  return view;
}

export async function readDeviceView(
  r: Requester,
  opts: ViewOptions & { registry?: ReadonlyMap<number, string> } = {},
): Promise<DeviceInfo> {
  return deviceView(await getDeviceId(withOptions(r, opts)), opts.registry);
}
