// The verbose record blocks of `sdr get <id>` (and of `sensor get` for records that are not sensors),
// exactly as ipmitool 1.8.19 prints them with verbose set (lib/ipmi_sdr.c: the verbose halves of
// ipmi_sdr_print_sensor_fc, _eventonly, _mc_locator, _fru_locator, _generic_locator), and the `-c`
// line `sdr get` prints for a threshold sensor (the list line plus entity, type, SDR thresholds, range).
// Pure: sensor views (electron/views/sensor.ts) and records in, text out.
import { entityIdName } from '../../ipmi/decode/entity-ids';
import { stateEntries } from '../../ipmi/decode/event-reading-types';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import type { ThresholdName } from '../../ipmi/decode/sdr/sensor-record-common';
import { THRESHOLD_BITS } from '../../ipmi/decode/sdr/sensor-record-common';
import type {
  FruDeviceLocator,
  GenericDeviceLocator,
  McDeviceLocator,
} from '../../ipmi/decode/sdr/locator-records';
import type { EventOnlyRecord } from '../../ipmi/decode/sdr/event-only-record';
import { sensorTypeLabel } from '../../ipmi/decode/sensor-types';
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import type { SensorEventBits } from '../../ipmi/commands/sensor/sensor-thresholds';
import { fixed, HEX2, hex2, left, wholeOr } from './c-number';
import { analogText, csvDiscrete, sdrCsvSensorLine } from './sdr';
import { analogEventLines, analogUnits, hysteresisLine, verboseStatus } from './sensor';
import type { SensorView } from '../../../shared/domain/sensor';
import { asSensorView } from '../../views/sensor';

/**
 * ipmitool's entity_device_type_vals. ipmitool looks the pair up as (type << 8 | modifier), so only the
 * 0x10xx entries can match a real device type; the others match type 0 with that modifier (sic). We
 * print what ipmitool prints: the text is a label, and scripts compare it.
 */
const DEVICE_TYPES: Readonly<Record<number, string>> = {
  0x00: 'Reserved',
  0x01: 'Reserved',
  0x02: 'DS1624 temperature sensor',
  0x03: 'DS1621 temperature sensor',
  0x04: 'LM75 Temperature Sensor',
  0x05: 'Heceta ASIC',
  0x06: 'Reserved',
  0x07: 'Reserved',
  0x08: 'EEPROM, 24C01',
  0x09: 'EEPROM, 24C02',
  0x0a: 'EEPROM, 24C04',
  0x0b: 'EEPROM, 24C08',
  0x0c: 'EEPROM, 24C16',
  0x0d: 'EEPROM, 24C17',
  0x0e: 'EEPROM, 24C32',
  0x0f: 'EEPROM, 24C64',
  0x1000: 'IPMI FRU Inventory',
  0x1001: 'DIMM Memory ID',
  0x1002: 'IPMI FRU Inventory',
  0x1003: 'System Processor Cartridge FRU',
  0x11: 'Reserved',
  0x12: 'Reserved',
  0x13: 'Reserved',
  0x14: 'PCF 8570 256 byte RAM',
  0x15: 'PCF 8573 clock/calendar',
  0x16: 'PCF 8574A I/O Port',
  0x17: 'PCF 8583 clock/calendar',
  0x18: 'PCF 8593 clock/calendar',
  0x19: 'Clock calendar',
  0x1a: 'PCF 8591 A/D, D/A Converter',
  0x1b: 'I/O Port',
  0x1c: 'A/D Converter',
  0x1d: 'D/A Converter',
  0x1e: 'A/D, D/A Converter',
  0x1f: 'LCD Controller/Driver',
  0x20: 'Core Logic (Chip set) Device',
  0x21: 'LMC6874 Intelligent Battery controller',
  0x22: 'Intelligent Batter controller',
  0x23: 'Combo Management ASIC',
  0x24: 'Maxim 1617 Temperature Sensor',
  0xbf: 'Other/Unspecified',
};

export function deviceTypeText(type: number, modifier: number): string {
  const key = (type << 8) | modifier;
  return DEVICE_TYPES[key] ?? `Unknown (0x${HEX2(key)})`;
}

const entityText = (id: number, instance: number) => `${id}.${instance} (${entityIdName(id)})`;
const typeText = (t: number) => `${sensorTypeLabel(t)} (0x${hex2(t)})`;
const yesNo = (b: boolean) => (b ? 'Yes' : 'No');

/**
 * ipmitool's ipmi_sdr_print_discrete_state: a heading naming the sensor type once any state bit is set
 * (even one without a text), then one "[text]" line per asserted state that has one.
 */
export function discreteStateLines(
  desc: string,
  sensorType: number,
  eventReadingType: number,
  state1: number,
  state2: number,
): string {
  if (state1 === 0 && (state2 & 0x7f) === 0) return '';
  let out = '';
  let headed = false;
  for (const [offset, text, data2] of stateEntries(sensorType, eventReadingType)) {
    if (data2 !== undefined) continue;
    if (!headed) {
      out += ` ${left(desc, 21)} : ${sensorTypeLabel(sensorType)}\n`;
      headed = true;
    }
    const set = offset > 7 ? (1 << (offset - 8)) & (state2 & 0x7f) : (1 << offset) & state1;
    if (set) out += `                         [${text}]\n`;
  }
  return out;
}

/** The discrete form of Get Sensor Event Status / Enable: both state masks, as the reply has them. */
function discreteEventLines(
  bits: SensorEventBits | undefined,
  kind: 'status' | 'enable',
  sensorType: number,
  ert: number,
): string {
  if (!bits) return '';
  const label = kind === 'status' ? ' Event Status          : ' : ' Event Enable          : ';
  if (kind === 'status' && bits.unavailable) return `${label}Unavailable\n`;
  let out = bits.eventMessagesEnabled ? '' : `${label}Event Messages Disabled\n`;
  const d = bits.bytes;
  const len = d.length + 1; // ipmitool counts the flags byte
  const [a, de] =
    kind === 'status'
      ? ['Assertion Events', 'Deassertion Events']
      : ['Assertions Enabled', 'Deassertions Enabled'];
  if (len === 2) out += discreteStateLines(a, sensorType, ert, d[0]!, 0);
  else if (len > 2) out += discreteStateLines(a, sensorType, ert, d[0]!, d[1]!);
  if (len === 4) out += discreteStateLines(de, sensorType, ert, d[2]!, 0);
  else if (len > 4) out += discreteStateLines(de, sensorType, ert, d[2]!, d[3]!);
  return out;
}

/** lnr lcr lnc unc ucr unr, the order ipmitool lists threshold masks in. */
const MASK_ORDER: readonly ThresholdName[] = ['lnr', 'lcr', 'lnc', 'unc', 'ucr', 'unr'];

function maskNames(mask: number): string {
  return MASK_ORDER.filter((n) => mask & THRESHOLD_BITS[n])
    .map((n) => `${n} `)
    .join('');
}

export interface SdrGetExtras {
  eventStatus?: SensorEventBits | undefined;
  eventEnable?: SensorEventBits | undefined;
}

type SensorArg = SensorView | SensorSnapshot;

/** The reading bytes 3-4 as ipmitool keeps them: only from a reply with scanning enabled. */
function states(v: SensorView): [number, number] {
  const r = v.reading;
  return r && r.scanningEnabled ? [r.state1, r.state2] : [0, 0];
}

function readingWord(v: SensorView): string {
  return v.reading && !v.reading.scanningEnabled ? 'Disabled' : 'No Reading';
}

/** SDR-stored values (nominal, normal range, thresholds): %.3f converted, or 0x%02X for non-analog. */
function sdrValueText(x: { raw: number; value?: number | undefined }): string {
  return x.value === undefined ? `0x${HEX2(x.raw)}` : fixed(x.value, 3);
}

const EVENT_MESSAGE_CONTROL: Record<SensorView['eventMessageControl'], string> = {
  'per-threshold': 'Per-threshold',
  'entire-sensor': 'Entire Sensor Only',
  'global-disable': 'Global Disable Only',
  none: 'No Events From Sensor',
};

function thresholdAccessLine(label: string, access: SensorView['thresholdAccess'], mask: number): string {
  const text =
    access === 'none' ? 'No Thresholds' : access === 'fixed' ? 'Thresholds Fixed' : maskNames(mask);
  return ` ${label} : ${text}\n`;
}

/** The sensor range lines (ipmitool print_sensor_min_max). */
function rangeLines(v: SensorView): string {
  const line = (label: string, end: SensorView['range']['min']) =>
    end ? ` ${label}  : ${end.specified ? sdrValueText(end) : 'Unspecified'}\n` : '';
  return line('Minimum sensor range', v.range.min) + line('Maximum sensor range', v.range.max);
}

/** `sdr get` block for a full or compact sensor record. */
export function sdrGetSensorBlock(x: SensorArg, extras: SdrGetExtras = {}): string {
  const v = asSensorView(x);
  const r = v.reading;
  let out =
    `Sensor ID              : ${v.name} (0x${v.number.toString(16)})\n` +
    ` Entity ID             : ${entityText(v.entity.id, v.entity.instance)}\n`;
  const emc = ` Event Message Control : ${EVENT_MESSAGE_CONTROL[v.eventMessageControl]}\n`;
  if (!v.thresholdBased) {
    out += ` Sensor Type (Discrete): ${typeText(v.type.code)}\n Sensor Reading        : `;
    if (r && v.available) {
      const a = analogText(v, 3);
      out += a !== undefined ? `${a} ${analogUnits(v)}\n` : `${r.raw.toString(16)}h\n`;
    } else out += `${readingWord(v)}\n`;
    out += emc;
    out += discreteStateLines('States Asserted', v.type.code, v.eventReadingType, ...states(v));
    out += discreteEventLines(extras.eventStatus, 'status', v.type.code, v.eventReadingType);
    out += discreteEventLines(extras.eventEnable, 'enable', v.type.code, v.eventReadingType);
    return out + ` OEM                   : ${v.oem.toString(16).toUpperCase()}\n\n`;
  }
  out += ` Sensor Type (Threshold)  : ${typeText(v.type.code)}\n Sensor Reading        : `;
  if (r && v.available) {
    if (v.recordKind === 'full' && v.tolerance) {
      const tol = v.tolerance.value;
      if (v.value === undefined || tol === undefined)
        out += `0x${HEX2(r.raw)} (+/- 0x${HEX2(v.tolerance.raw)}) ${analogUnits(v)}\n`;
      else out += `${wholeOr(v.value, 3)} (+/- ${wholeOr(tol, 3)}) ${analogUnits(v)}\n`;
    } else out += `0x${HEX2(r.raw)} ${analogUnits(v)}\n`;
  } else out += `${readingWord(v)}\n`;
  out += ` Status                : ${verboseStatus(v, 'Not Available')}\n`;
  if (v.recordKind === 'full') {
    const normal: [string, SensorView['range']['nominal']][] = [
      ['Nominal Reading', v.range.nominal],
      ['Normal Minimum', v.range.normalMin],
      ['Normal Maximum', v.range.normalMax],
    ];
    for (const [label, value] of normal) if (value) out += ` ${left(label, 21)} : ${sdrValueText(value)}\n`;
    // the thresholds stored in the SDR, printed when the record initialises them (not the live ones)
    const labels: [ThresholdName, string][] = [
      ['unr', 'Upper non-recoverable'],
      ['ucr', 'Upper critical'],
      ['unc', 'Upper non-critical'],
      ['lnr', 'Lower non-recoverable'],
      ['lcr', 'Lower critical'],
      ['lnc', 'Lower non-critical'],
    ];
    if (v.thresholdsInitialized)
      for (const [name, label] of labels) {
        const initial = v.thresholds.find((t) => t.name === name)?.initial;
        if (initial) out += ` ${left(label, 21)} : ${sdrValueText(initial)}\n`;
      }
  }
  out += hysteresisLine(v.hysteresis.positive, 'Positive Hysteresis');
  out += hysteresisLine(v.hysteresis.negative, 'Negative Hysteresis');
  if (v.recordKind === 'full') out += rangeLines(v);
  out += emc;
  out += thresholdAccessLine('Readable Thresholds  ', v.thresholdAccess, v.masks.readable);
  out += thresholdAccessLine('Settable Thresholds  ', v.thresholdAccess, v.masks.settable);
  if (v.masks.read) out += ` Threshold Read Mask   : ${maskNames(v.masks.read)}\n`;
  out += analogEventLines(extras.eventStatus, 'status');
  out += analogEventLines(extras.eventEnable, 'enable');
  return out + '\n';
}

/**
 * `-c sdr get` line. Discrete sensors print their list line; threshold sensors the list fields with the
 * status in words (ipmitool has verbose set), then entity, type, the SDR's values and the sensor range.
 */
export function sdrGetCsvLine(x: SensorArg): string {
  const v = asSensorView(x);
  if (!v.thresholdBased) return sdrCsvSensorLine(v);
  let line = `${v.name},`;
  if (v.available) {
    const a = analogText(v, 3);
    line +=
      a !== undefined && v.value !== undefined
        ? `${wholeOr(v.value, 3)},${analogUnits(v)},${verboseStatus(v, 'ns')}`
        : csvDiscrete(v);
  } else line += ',,ns';
  return `${line}${csvThresholdTail(v)}\n`;
}

function csvThresholdTail(v: SensorView): string {
  let out = `,${v.entity.id}.${v.entity.instance},${v.entity.name},${v.type.name},`;
  if (v.recordKind !== 'full') return out + ',,,,,,,,,,';
  const cell = (x: { raw: number; value?: number | undefined } | undefined) =>
    x ? `${sdrValueText(x)},` : ',';
  out += cell(v.range.nominal) + cell(v.range.normalMin) + cell(v.range.normalMax);
  for (const n of ['unr', 'ucr', 'unc', 'lnr', 'lcr', 'lnc'] as const)
    out += cell(v.thresholds.find((t) => t.name === n)?.initial);
  const { min, max } = v.range;
  out += `${sdrValueText(min!)},${sdrValueText(max!)}`;
  return out;
}

function eventOnlyBlock(rec: EventOnlyRecord): string {
  return (
    `Sensor ID              : ${rec.id} (0x${rec.number.toString(16)})\n` +
    `Entity ID              : ${entityText(rec.entityId, rec.entityInstance)}\n` +
    `Sensor Type            : ${typeText(rec.sensorType)}\n\n`
  );
}

function mcLocatorBlock(rec: McDeviceLocator): string {
  const gen = rec.globalInitialization & 0x03;
  const cap = (bit: number) => yesNo((rec.capabilities & bit) !== 0);
  return (
    `Device ID              : ${rec.id}\n` +
    `Entity ID              : ${entityText(rec.entityId, rec.entityInstance)}\n` +
    `Device Slave Address   : ${HEX2(rec.slaveAddress)}h\n` +
    `Channel Number         : ${rec.channel.toString(16).toUpperCase()}h\n` +
    `ACPI System P/S Notif  : ${rec.powerStateNotification & 0x4 ? '' : 'Not '}Required\n` +
    `ACPI Device P/S Notif  : ${rec.powerStateNotification & 0x2 ? '' : 'Not '}Required\n` +
    `Controller Presence    : ${rec.powerStateNotification & 0x1 ? 'Static' : 'Dynamic'}\n` +
    `Logs Init Agent Errors : ${yesNo((rec.globalInitialization & 0x8) !== 0)}\n` +
    `Event Message Gen      : ${['Enable', 'Disable', 'Do Not Init Controller', 'Reserved'][gen]!}\n` +
    'Device Capabilities\n' +
    ` Chassis Device        : ${cap(0x80)}\n` +
    ` Bridge                : ${cap(0x40)}\n` +
    ` IPMB Event Generator  : ${cap(0x20)}\n` +
    ` IPMB Event Receiver   : ${cap(0x10)}\n` +
    ` FRU Inventory Device  : ${cap(0x08)}\n` +
    ` SEL Device            : ${cap(0x04)}\n` +
    ` SDR Repository        : ${cap(0x02)}\n` +
    ` Sensor Device         : ${cap(0x01)}\n\n`
  );
}

const H1 = (n: number) => n.toString(16).toUpperCase();

function fruLocatorBlock(rec: FruDeviceLocator): string {
  return (
    `Device ID              : ${rec.id}\n` +
    `Entity ID              : ${entityText(rec.entityId, rec.entityInstance)}\n` +
    `Device Access Address  : ${HEX2(rec.accessAddressByte)}h\n` +
    `${rec.logical ? 'Logical FRU Device     ' : 'Slave Address          '}: ${HEX2(rec.fruDeviceId)}h\n` +
    `Channel Number         : ${H1(rec.channel)}h\n` +
    `LUN.Bus                : ${H1(rec.lun)}h.${H1(rec.privateBus)}h\n` +
    `Device Type.Modifier   : ${H1(rec.deviceType)}h.${H1(rec.deviceTypeModifier)}h (${deviceTypeText(rec.deviceType, rec.deviceTypeModifier)})\n` +
    `OEM                    : ${HEX2(rec.oem)}h\n\n`
  );
}

/**
 * Generic device locator. ipmitool 1.8.19 reads the address span from bits 7-5 of byte 9 and the
 * channel from bits 7-5 of byte 8 alone (its bitfields are laid out for the other bit order); the
 * span is bits 2-0 (IPMI v2.0 §43.7) and the channel's bit 3 sits in byte 7 bit 0. We print the values
 * the record holds, which is where this block differs from ipmitool's on BMCs that use these fields.
 */
function genericLocatorBlock(rec: GenericDeviceLocator): string {
  return (
    `Device ID              : ${rec.id}\n` +
    `Entity ID              : ${entityText(rec.entityId, rec.entityInstance)}\n` +
    `Device Access Address  : ${HEX2(rec.accessAddress)}h\n` +
    `Device Slave Address   : ${HEX2(rec.slaveAddress)}h\n` +
    `Address Span           : ${HEX2(rec.addressSpan)}h\n` +
    `Channel Number         : ${H1(rec.channel)}h\n` +
    `LUN.Bus                : ${H1(rec.lun)}h.${H1(rec.privateBus)}h\n` +
    `Device Type.Modifier   : ${H1(rec.deviceType)}h.${H1(rec.deviceTypeModifier)}h (${deviceTypeText(rec.deviceType, rec.deviceTypeModifier)})\n` +
    `OEM                    : ${HEX2(rec.oem)}h\n\n`
  );
}

/** The verbose block of a record that has no reading; undefined for records ipmitool prints nothing for. */
export function sdrGetOtherBlock(rec: SdrRecord): string | undefined {
  switch (rec.kind) {
    case 'event-only':
      return eventOnlyBlock(rec);
    case 'mc-locator':
      return mcLocatorBlock(rec);
    case 'fru-locator':
      return fruLocatorBlock(rec);
    case 'generic-locator':
      return genericLocatorBlock(rec);
    default:
      return undefined; // entity associations: ipmitool prints nothing; OEM records: not decoded here
  }
}
