// `ipmitool mc ...` text, line for line as ipmitool 1.8.19 prints it (lib/ipmi_mc.c). Pure functions.
import type { DeviceInfo } from '../../../shared/domain/device';
import type { GlobalEnables, GlobalEnable } from '../../ipmi/commands/app/bmc-global-enables';
import type { SelfTestResult } from '../../ipmi/commands/app/get-self-test-results';
import { unknownValue } from './completion-code';
import {
  detectGuidMode,
  fieldsOf,
  guidSeconds,
  guidString,
  guidVersion,
  type GuidMode,
  type RealMode,
} from '../../ipmi/decode/guid';

// `mc guid` output; the byte orders and ipmitool's choice among them are in ipmi/decode/guid.ts
export {
  detectGuidMode,
  guidString,
  guidVersionOf,
  type GuidMode,
  type RealMode,
} from '../../ipmi/decode/guid';

/** ipmitool's names for the additional device support bits, keyed by the view's names. */
const SUPPORT_TEXT: Record<DeviceInfo['additionalDeviceSupport'][number], string> = {
  sensor: 'Sensor Device',
  'sdr-repository': 'SDR Repository Device',
  sel: 'SEL Device',
  'fru-inventory': 'FRU Inventory Device',
  'ipmb-event-receiver': 'IPMB Event Receiver',
  'ipmb-event-generator': 'IPMB Event Generator',
  bridge: 'Bridge',
  chassis: 'Chassis Device',
};

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** Prints the device view (electron/views/device.ts) as `ipmitool mc info` does. */
export function formatDeviceId(d: DeviceInfo): string {
  const lines = [
    `Device ID                 : ${d.deviceId}`,
    `Device Revision           : ${d.deviceRevision}`,
    `Firmware Revision         : ${d.firmwareRevision}`,
    `IPMI Version              : ${d.ipmiVersion}`,
    `Manufacturer ID           : ${d.manufacturerId}`,
    `Manufacturer Name         : ${d.manufacturerName ?? unknownValue(d.manufacturerId)}`,
    `Product ID                : ${d.productId} (0x${hex2(d.productId >> 8)}${hex2(d.productId & 0xff)})`,
    `Product Name              : ${d.productName ?? unknownValue(d.productId)}`,
    `Device Available          : ${d.deviceAvailable ? 'yes' : 'no'}`,
    `Provides Device SDRs      : ${d.providesSdrs ? 'yes' : 'no'}`,
    'Additional Device Support :',
    ...d.additionalDeviceSupport.map((t) => `    ${SUPPORT_TEXT[t]}`),
  ];
  if (d.auxFirmware)
    lines.push('Aux Firmware Rev Info     : ', ...d.auxFirmware.map((b) => `    0x${hex2(b)}`));
  return lines.map((l) => l + '\n').join('');
}

// ---- GUID ---------------------------------------------------------------------------------------

const GUID_VERSION_TEXT = [
  'Unknown/unsupported',
  'Time-based',
  'DCE Security with POSIX UIDs (not for IPMI)',
  'Name-based using MD5',
  'Random or pseudo-random',
  'Name-based using SHA-1',
];
const MODE_TEXT: Record<RealMode, string> = { rfc4122: 'RFC4122', ipmi: 'IPMI', smbios: 'SMBIOS' };

export interface GuidFormatOptions {
  /** "now", for the plausibility check of time-based GUIDs */
  now?: Date;
  /** formats ipmitool's "%x %X %Z" timestamp; default UTC */
  timestamp?: (unixSeconds: number) => string;
}

export function formatGuid(g: Buffer, requested: GuidMode = 'auto', o: GuidFormatOptions = {}): string {
  const mode: RealMode | 'dump' = requested === 'auto' ? detectGuidMode(g, o.now) : requested;
  if (mode === 'dump') return `System GUID   : ${g.toString('hex').toUpperCase()}\n`;
  const f = fieldsOf(g, mode);
  const rawVersion = guidVersion(f);
  const version = rawVersion > 5 ? 0 : rawVersion;
  let out = `System GUID   : ${guidString(g, mode)}\n`;
  if (requested === 'auto')
    out += `GUID Encoding : ${MODE_TEXT[mode]}${mode === 'ipmi' ? '' : ' (WARNING: IPMI Specification violation!)'}\n`;
  out += `GUID Version  : ${GUID_VERSION_TEXT[version]}`;
  if (version === 0) out += ` (${rawVersion})\n`;
  else if (version === 1) out += `\nTimestamp     : ${(o.timestamp ?? utcTimestamp)(guidSeconds(f))}\n`;
  else out += '\n';
  return out;
}

/** ipmitool's ipmi_timestamp_numeric() in the C locale with TZ=UTC. */
export function utcTimestamp(seconds: number): string {
  const stamp = seconds >>> 0; // ipmitool passes the time through a uint32_t
  if (stamp === 0xffffffff) return 'Unspecified';
  const d = new Date(stamp * 1000);
  const p = (n: number) => String(n).padStart(2, '0');
  const hms = `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
  // Below 0x20000000 the value counts from BMC start-up (IPMI v2.0 §37.1).
  if (stamp < 0x20000000) {
    if (stamp < 86400) return `S+ ${hms}`;
    const doy = Math.floor(stamp / 86400) + 1;
    return `S+ ${p(d.getUTCFullYear() % 100)}/${String(doy).padStart(3, '0')} ${hms}`;
  }
  return `${p(d.getUTCMonth() + 1)}/${p(d.getUTCDate())}/${p(d.getUTCFullYear() % 100)} ${hms} UTC`;
}

// ---- global enables, self test, reset -----------------------------------------------------------
const ENABLE_TEXT: [GlobalEnable, string][] = [
  ['receiveMessageInterrupt', 'Receive Message Queue Interrupt'],
  ['eventBufferFullInterrupt', 'Event Message Buffer Full Interrupt'],
  ['eventMessageBuffer', 'Event Message Buffer'],
  ['systemEventLogging', 'System Event Logging'],
  ['oem0', 'OEM 0'],
  ['oem1', 'OEM 1'],
  ['oem2', 'OEM 2'],
];

export function formatGlobalEnables(e: GlobalEnables): string {
  return ENABLE_TEXT.map(([k, t]) => `${t.padEnd(40)} : ${e[k] ? 'en' : 'dis'}abled\n`).join('');
}

/** ipmitool's text and its exit status (it fails the command unless the test passed). */
export function formatSelfTest(r: SelfTestResult): { text: string; ok: boolean } {
  const hexU = (n: number) => n.toString(16).toUpperCase().padStart(2, '0');
  switch (r.result) {
    case 'passed':
      return { text: 'Selftest: passed\n', ok: true };
    case 'not-implemented':
      return { text: 'Selftest: not implemented\n', ok: false };
    case 'device-error': {
      // ipmitool's own wording and (lack of) indentation, in its order: bit 7 down to bit 0.
      const lines: [number, string][] = [
        [0x80, ' -> SEL device not accessible'],
        [0x40, ' -> SDR repository not accessible'],
        [0x20, 'FRU device not accessible'],
        [0x10, 'IPMB signal lines do not respond'],
        [0x08, 'SDR repository empty'],
        [0x04, 'Internal Use Area corrupted'],
        [0x02, 'Controller update boot block corrupted'],
        [0x01, 'controller operational firmware corrupted'],
      ];
      let text = 'Selftest: device corrupted\n';
      for (const [m, t] of lines) if (r.detail & m) text += t + '\n';
      return { text, ok: false };
    }
    case 'fatal':
      return { text: `Selftest     : fatal error\nFailure code : ${hex2(r.detail)}\n`, ok: false };
    default:
      if (r.code === 0xff) return { text: 'Selftest: N/A', ok: false };
      return {
        text: `Selftest     : device specific (${hexU(r.code)}h)\nFailure code : ${hexU(r.detail)}h\n`,
        ok: true,
      };
  }
}

export const formatMcReset = (kind: 'warm' | 'cold') => `Sent ${kind} reset command to MC\n`;
