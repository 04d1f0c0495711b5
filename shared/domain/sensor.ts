// The sensor view: what one sensor of a BMC reads and means, as plain data. Built in main by
// electron/views/sensor.ts from the SDR record and the live replies; the CLI prints ipmitool's text from
// it, the app sends it to the renderer. Raw bytes travel with the decoded values so a printer can
// reproduce a reference tool's quirks without decoding anything itself.
import { z } from 'zod';
import { stateCode } from './state-code';

const byte = z.number().int().min(0).max(255);

/** Threshold names in ipmitool's order of severity, lower then upper. */
export const THRESHOLD_ORDER = ['lnr', 'lcr', 'lnc', 'unc', 'ucr', 'unr'] as const;
export const thresholdName = z.enum(THRESHOLD_ORDER);
export type ThresholdKey = z.infer<typeof thresholdName>;

/** ipmitool's status class: ok, non-critical, critical, non-recoverable, no state (no reading). */
export const sensorStatus = z.enum(['ok', 'nc', 'cr', 'nr', 'ns']);
export type SensorStatus = z.infer<typeof sensorStatus>;

/** The same for a UI: what colour the sensor is. */
export const sensorSeverity = z.enum(['normal', 'warning', 'critical', 'non-recoverable', 'unknown']);
export type SensorSeverity = z.infer<typeof sensorSeverity>;

/** SDR capability fields, in words (IPMI v2.0 §43.1 byte 11). */
export const thresholdAccess = z.enum(['none', 'readable', 'settable', 'fixed']);
export const eventMessageControl = z.enum(['per-threshold', 'entire-sensor', 'global-disable', 'none']);

/**
 * A value in the sensor's units. A non-linear sensor can convert to ±Infinity or NaN (1/x at raw 0,
 * which ipmitool prints as "inf"); JSON has no such numbers, so on the way out of main (the contract's
 * result parse) they become the text 'Infinity', '-Infinity' or 'NaN'. In main, views hold numbers.
 */
export const unitValue = z
  .custom<number>((x) => typeof x === 'number', 'not a number')
  .transform((x) => (Number.isFinite(x) ? x : (String(x) as 'Infinity' | '-Infinity' | 'NaN')));

/** A value the SDR stores (nominal, normal range, initial thresholds, sensor range). */
export const sdrValue = z.strictObject({
  raw: byte,
  /** in the sensor's units; absent for sensors without an analog format */
  value: unitValue.optional(),
});

/** An end of the sensor's range: `specified` false when the SDR leaves it open (ipmitool "Unspecified"). */
export const sdrRangeEnd = z.strictObject({ ...sdrValue.shape, specified: z.boolean() });

export const sensorThreshold = z.strictObject({
  name: thresholdName,
  /** the BMC returned this threshold (Get Sensor Thresholds mask); false when it was not read */
  readable: z.boolean(),
  /** the SDR lets this threshold be set (settable access and the settable mask) */
  settable: z.boolean(),
  /** live raw byte, when readable */
  raw: byte.optional(),
  /** live value in the sensor's units (full records with an analog format) */
  value: unitValue.optional(),
  /** the value the SDR stores for this threshold (full records, SDR-readable thresholds) */
  initial: sdrValue.optional(),
});
/** In main (numbers); the renderer receives z.output (non-finite values as text). */
export type SensorThreshold = z.input<typeof sensorThreshold>;

/** Get Sensor Reading reply bytes 1-4 (IPMI v2.0 §35.14). */
export const sensorReadingBytes = z.strictObject({
  raw: byte,
  eventMessagesEnabled: z.boolean(),
  scanningEnabled: z.boolean(),
  unavailable: z.boolean(),
  state1: byte,
  state2: byte,
});

export const sensorHysteresis = z.strictObject({
  raw: byte,
  /** in units (full records with an analog format); 0x00/0xFF mean unspecified */
  value: unitValue.optional(),
});

export const sensorView = z.strictObject({
  recordId: z.number().int().min(0).max(0xffff),
  number: byte,
  ownerLun: z.number().int().min(0).max(3),
  name: z.string(),
  recordKind: z.enum(['full', 'compact']),
  type: z.strictObject({ code: byte, name: z.string() }),
  eventReadingType: byte,
  /** threshold-based (event/reading type 0x01) rather than discrete */
  thresholdBased: z.boolean(),
  entity: z.strictObject({ id: byte, instance: z.number().int().min(0).max(127), name: z.string() }),
  /** unit text ("degrees C", "RPM", "% Volts") */
  units: z.string(),
  /** the sensor has an analog value: full record, analog format, threshold type */
  analog: z.boolean(),
  /** conversion factors are known (non-linear sensors need Get Sensor Reading Factors) */
  convertible: z.boolean(),
  /** absent when the BMC refused the reading (sensor absent, completion code) */
  reading: sensorReadingBytes.optional(),
  /** the reading may be used: scanning on and not unavailable */
  available: z.boolean(),
  /** the reading in units */
  value: unitValue.optional(),
  /** ± tolerance (full records): the raw factor, and in units where the record has an analog format */
  tolerance: sdrValue.optional(),
  status: sensorStatus,
  severity: sensorSeverity,
  /** the most severe threshold at or beyond which the reading is (threshold sensors) */
  crossed: thresholdName.optional(),
  /** the asserted states in words (the event/reading type's offsets set in reading bytes 3-4) */
  states: z.array(z.string()),
  /** the same states as codes, in the same order, for wording them in another language */
  stateCodes: z.array(stateCode),
  /** every threshold in lnr..unr order (threshold sensors; empty otherwise) */
  thresholds: z.array(sensorThreshold),
  /** Get Sensor Thresholds answered (threshold sensors, when asked) */
  thresholdsRead: z.boolean(),
  /** the SDR's initialization byte says the BMC loads the stored thresholds (bit 4) */
  thresholdsInitialized: z.boolean(),
  thresholdAccess: thresholdAccess,
  hysteresisAccess: thresholdAccess,
  eventMessageControl: eventMessageControl,
  hysteresis: z.strictObject({ positive: sensorHysteresis, negative: sensorHysteresis }),
  /** the SDR's nominal reading and normal and sensor range (full records), where given */
  range: z.strictObject({
    nominal: sdrValue.optional(),
    normalMin: sdrValue.optional(),
    normalMax: sdrValue.optional(),
    min: sdrRangeEnd.optional(),
    max: sdrRangeEnd.optional(),
  }),
  /** SDR masks: readable and settable thresholds, the threshold read mask (assertion bits 12-14) */
  masks: z.strictObject({ readable: byte, settable: byte, read: byte }),
  /** the record's OEM byte */
  oem: byte,
});
/** A sensor as main builds and the CLI prints it (plain numbers, possibly non-finite). */
export type SensorView = z.input<typeof sensorView>;
/** A sensor as the renderer receives it. */
export type SensorViewData = z.output<typeof sensorView>;
