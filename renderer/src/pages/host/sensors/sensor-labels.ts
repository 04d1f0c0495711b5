// Literal message keys for values the view carries as codes or English words, so both languages show
// them in words (and keys.test.ts sees every key used). Unknown codes fall back to the view's text.
import type { TFunction } from 'i18next';
import type { SensorStatus, ThresholdKey } from '../../../../../shared/domain/sensor';

/** sensor type code (IPMI v2.0 table 42-3) → message key */
const TYPE_KEYS: Record<number, string> = {
  0x01: 'sensors.type.temperature',
  0x02: 'sensors.type.voltage',
  0x03: 'sensors.type.current',
  0x04: 'sensors.type.fan',
  0x05: 'sensors.type.physicalSecurity',
  0x06: 'sensors.type.platformSecurity',
  0x07: 'sensors.type.processor',
  0x08: 'sensors.type.powerSupply',
  0x09: 'sensors.type.powerUnit',
  0x0a: 'sensors.type.coolingDevice',
  0x0b: 'sensors.type.otherUnits',
  0x0c: 'sensors.type.memory',
  0x0d: 'sensors.type.driveSlot',
  0x0f: 'sensors.type.systemFirmware',
  0x10: 'sensors.type.eventLogging',
  0x11: 'sensors.type.watchdog1',
  0x12: 'sensors.type.systemEvent',
  0x13: 'sensors.type.criticalInterrupt',
  0x14: 'sensors.type.button',
  0x15: 'sensors.type.moduleBoard',
  0x17: 'sensors.type.addInCard',
  0x18: 'sensors.type.chassis',
  0x19: 'sensors.type.chipSet',
  0x1a: 'sensors.type.otherFru',
  0x1b: 'sensors.type.cable',
  0x1d: 'sensors.type.systemBoot',
  0x1e: 'sensors.type.bootError',
  0x1f: 'sensors.type.osBoot',
  0x20: 'sensors.type.osStop',
  0x21: 'sensors.type.slot',
  0x22: 'sensors.type.acpi',
  0x23: 'sensors.type.watchdog2',
  0x24: 'sensors.type.platformAlert',
  0x25: 'sensors.type.entityPresence',
  0x27: 'sensors.type.lan',
  0x28: 'sensors.type.mgmtHealth',
  0x29: 'sensors.type.battery',
  0x2a: 'sensors.type.sessionAudit',
  0x2b: 'sensors.type.versionChange',
  0x2c: 'sensors.type.fruState',
};

export function typeName(t: TFunction, code: number, fallback: string): string {
  const key = TYPE_KEYS[code];
  return key ? t(key) : fallback;
}

/** the view's unit text (ipmitool's words) → message key */
const UNIT_KEYS: Record<string, string> = {
  'degrees C': 'sensors.unit.degreesC',
  'degrees F': 'sensors.unit.degreesF',
  Volts: 'sensors.unit.volts',
  Amps: 'sensors.unit.amps',
  Watts: 'sensors.unit.watts',
  RPM: 'sensors.unit.rpm',
};

export function unitText(t: TFunction, units: string): string {
  const key = UNIT_KEYS[units];
  return key ? t(key) : units;
}

const STATUS_KEYS: Record<SensorStatus, string> = {
  ok: 'sensors.status.ok',
  nc: 'sensors.status.nc',
  cr: 'sensors.status.cr',
  nr: 'sensors.status.nr',
  ns: 'sensors.status.ns',
};

export function statusText(t: TFunction, s: SensorStatus): string {
  return t(STATUS_KEYS[s]);
}

const SHORT: Record<ThresholdKey, string> = {
  lnr: 'sensors.threshold.short.lnr',
  lcr: 'sensors.threshold.short.lcr',
  lnc: 'sensors.threshold.short.lnc',
  unc: 'sensors.threshold.short.unc',
  ucr: 'sensors.threshold.short.ucr',
  unr: 'sensors.threshold.short.unr',
};
const LONG: Record<ThresholdKey, string> = {
  lnr: 'sensors.threshold.long.lnr',
  lcr: 'sensors.threshold.long.lcr',
  lnc: 'sensors.threshold.long.lnc',
  unc: 'sensors.threshold.long.unc',
  ucr: 'sensors.threshold.long.ucr',
  unr: 'sensors.threshold.long.unr',
};

export function thresholdShort(t: TFunction, k: ThresholdKey): string {
  return t(SHORT[k]);
}
export function thresholdLong(t: TFunction, k: ThresholdKey): string {
  return t(LONG[k]);
}

/** live refresh choices: seconds (0 = off) → label key */
export const INTERVALS: readonly { seconds: number; label: string }[] = [
  { seconds: 0, label: 'sensors.interval.off' },
  { seconds: 5, label: 'sensors.interval.s5' },
  { seconds: 10, label: 'sensors.interval.s10' },
  { seconds: 30, label: 'sensors.interval.s30' },
  { seconds: 60, label: 'sensors.interval.s60' },
];
