// Fields shared by full, compact and event-only sensor records: the sensor's key (owner, LUN,
// channel, number) and entity, bytes [5..9] of each (IPMI v2.0 §43.1-43.3); and bytes [10..22],
// which full and compact records share.
import { ANALOG_FORMATS, type AnalogFormat } from '../reading-conversion';

export interface SensorKey {
  /** owner ID byte as stored: `[7:1]` slave address or software ID, `[0]` 1 = software ID */
  ownerId: number;
  ownerLun: number;
  channel: number;
  number: number;
}

export interface EntityRef {
  entityId: number;
  /** `[6:0]` of the instance byte */
  entityInstance: number;
  /** instance byte `[7]`: 1 = device-relative */
  deviceRelative: boolean;
}

export function decodeSensorKey(b: Uint8Array): SensorKey {
  return { ownerId: b[5]!, ownerLun: b[6]! & 0x03, channel: b[6]! >> 4, number: b[7]! };
}

export function decodeEntity(id: number, instance: number): EntityRef {
  return { entityId: id, entityInstance: instance & 0x7f, deviceRelative: (instance & 0x80) !== 0 };
}

export interface SensorCapabilities {
  ignore: boolean;
  autoRearm: boolean;
  /** 0 none, 1 readable, 2 readable+settable, 3 fixed */
  hysteresisAccess: number;
  /** 0 none, 1 readable, 2 readable+settable, 3 fixed */
  thresholdAccess: number;
  /** 0 per-threshold, 1 entire sensor, 2 global disable only, 3 none */
  eventMessageControl: number;
}

export function decodeCapabilities(c: number): SensorCapabilities {
  return {
    ignore: (c & 0x80) !== 0,
    autoRearm: (c & 0x40) !== 0,
    hysteresisAccess: (c >> 4) & 0x03,
    thresholdAccess: (c >> 2) & 0x03,
    eventMessageControl: c & 0x03,
  };
}

/** Threshold bit order shared by SDR masks, Get Sensor Thresholds and Get Sensor Reading byte 3. */
export const THRESHOLD_BITS = { lnc: 0x01, lcr: 0x02, lnr: 0x04, unc: 0x08, ucr: 0x10, unr: 0x20 } as const;
export type ThresholdName = keyof typeof THRESHOLD_BITS;
export const THRESHOLD_NAMES: readonly ThresholdName[] = ['lnc', 'lcr', 'lnr', 'unc', 'ucr', 'unr'];

export interface Units {
  analogFormat: AnalogFormat;
  /** `[5:3]` rate unit: 0 none, 1 µs, 2 ms, 3 s, 4 min, 5 h, 6 day */
  rate: number;
  /** `[2:1]` 0 none, 1 base/modifier, 2 base*modifier */
  modifierRelation: number;
  percentage: boolean;
  baseUnit: number;
  modifierUnit: number;
}

/** Units bytes [20..22] of full and compact records. */
export function decodeUnits(units1: number, base: number, modifier: number): Units {
  return {
    analogFormat: ANALOG_FORMATS[units1 >> 6]!,
    rate: (units1 >> 3) & 0x07,
    modifierRelation: (units1 >> 1) & 0x03,
    percentage: (units1 & 0x01) !== 0,
    baseUnit: base,
    modifierUnit: modifier,
  };
}

/** Bytes [10..22] of full and compact records: what the sensor is, its events, thresholds and units. */
export interface SensorCore {
  initialization: number;
  capabilities: SensorCapabilities;
  sensorType: number;
  eventReadingType: number;
  /** [14..15] assertion event mask (threshold sensors: bits 12-14 = lower threshold reading mask) */
  assertionMask: number;
  /** [16..17] deassertion event mask (threshold sensors: bits 12-14 = upper threshold reading mask) */
  deassertionMask: number;
  /** [18] readable thresholds (bit 0 lnc ... bit 5 unr); for discrete sensors with [19], the reading mask */
  readableThresholds: number;
  settableThresholds: number;
  units: Units;
}

export function decodeSensorCore(b: Uint8Array): SensorCore {
  return {
    initialization: b[10]!,
    capabilities: decodeCapabilities(b[11]!),
    sensorType: b[12]!,
    eventReadingType: b[13]!,
    assertionMask: b[14]! | (b[15]! << 8),
    deassertionMask: b[16]! | (b[17]! << 8),
    readableThresholds: b[18]! & 0x3f,
    settableThresholds: b[19]! & 0x3f,
    units: decodeUnits(b[20]!, b[21]!, b[22]!),
  };
}
