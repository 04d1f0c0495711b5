// Sensor views (shared/domain/sensor.ts) from SDR records and live replies. Meaning lives here once:
// the converted reading, status and severity, which threshold is crossed, the states in words, every
// threshold with what the SDR says about it. The CLI's sensor/sdr printers and the app both use it.
import type {
  SensorStatus,
  SensorSeverity,
  SensorThreshold,
  SensorView,
  ThresholdKey,
} from '../../shared/domain/sensor';
import { THRESHOLD_ORDER } from '../../shared/domain/sensor';
import { setMaxListeners } from 'node:events';
import type { Requester } from '../ipmi/client/requester';
import { sensorHealth, sensorHealthDetailed } from '../ipmi/commands/sensor/sensor-reading';
import {
  hasAnalogReading,
  readSensor,
  type SensorSnapshot,
  type SnapshotOptions,
} from '../ipmi/commands/sensor/sensor-snapshot';
import { assertedStateEntries } from '../ipmi/decode/event-reading-types';
import { entityIdName } from '../ipmi/decode/entity-ids';
import {
  convertHysteresis,
  convertReading,
  convertTolerance,
  convertWithFactors,
} from '../ipmi/decode/reading-conversion';
import type { FullSensorRecord } from '../ipmi/decode/sdr/full-sensor-record';
import { isSensorRecord, isThresholdSensor, type SdrRecord } from '../ipmi/decode/sdr/sdr-record';
import { THRESHOLD_BITS } from '../ipmi/decode/sdr/sensor-record-common';
import { sensorTypeLabel } from '../ipmi/decode/sensor-types';
import { unitString } from '../ipmi/decode/units';

const ACCESS = ['none', 'readable', 'settable', 'fixed'] as const;
const EVENT_CONTROL = ['per-threshold', 'entire-sensor', 'global-disable', 'none'] as const;

const SEVERITY: Record<SensorStatus, SensorSeverity> = {
  ok: 'normal',
  nc: 'warning',
  cr: 'critical',
  nr: 'non-recoverable',
  ns: 'unknown',
};

/** Raw bytes that stand for "no range end" per analog format (IPMI v2.0 §43.1 bytes 34-35). */
const EMPTY_MIN: Record<string, number> = {
  unsigned: 0x00,
  'ones-complement': 0xff,
  'twos-complement': 0x80,
};
const EMPTY_MAX: Record<string, number> = {
  unsigned: 0xff,
  'ones-complement': 0x00,
  'twos-complement': 0x7f,
};

/** A value stored in the SDR, converted when the record has an analog format. */
function stored(rec: FullSensorRecord, raw: number): { raw: number; value?: number } {
  if (rec.analogFormat === 'none') return { raw };
  return { raw, value: convertReading(rec, raw) ?? 0 };
}

function rangeEnd(rec: FullSensorRecord, raw: number, empty: Record<string, number>) {
  const v = stored(rec, raw);
  const specified = !(empty[rec.analogFormat] === raw || (v.value !== undefined && v.value === 0));
  return { ...v, specified };
}

/** The view of one sensor from its snapshot (record, reading, live thresholds, conversion factors). */
export function sensorView(s: SensorSnapshot): SensorView {
  const rec = s.record;
  const r = s.reading;
  const thresholdBased = isThresholdSensor(rec);
  const analog = hasAnalogReading(rec);
  const full = rec.kind === 'full' ? rec : undefined;
  const status: SensorStatus = sensorHealth(r, thresholdBased);
  const detailed = thresholdBased ? sensorHealthDetailed(r) : 'ok';
  const crossed = (THRESHOLD_ORDER as readonly string[]).includes(detailed)
    ? (detailed as ThresholdKey)
    : undefined;
  const settableAccess = rec.capabilities.thresholdAccess === 2;
  const thresholds: SensorThreshold[] = thresholdBased
    ? THRESHOLD_ORDER.map((name) => {
        const bit = THRESHOLD_BITS[name];
        const readable = s.thresholds !== undefined && (s.thresholds.readable & bit) !== 0;
        const t: SensorThreshold = {
          name,
          readable,
          settable: settableAccess && (rec.settableThresholds & bit) !== 0,
        };
        if (readable) {
          const raw = s.thresholds!.raw[name];
          t.raw = raw;
          if (full && full.analogFormat !== 'none') {
            const v = convertWithFactors(full.factors, full.analogFormat, full.linearization, raw);
            if (v !== undefined) t.value = v;
          }
        }
        if (full && rec.readableThresholds & bit) t.initial = stored(full, full.thresholds[name]);
        return t;
      })
    : [];
  const hysteresis = (raw: number) => {
    const v = full ? convertHysteresis(full, raw) : undefined;
    return v === undefined ? { raw } : { raw, value: v };
  };
  const asserted = r?.valid
    ? assertedStateEntries(rec.sensorType, rec.eventReadingType, r.state1, r.state2)
    : [];
  const view: SensorView = {
    recordId: rec.recordId,
    number: rec.number,
    ownerLun: rec.ownerLun,
    name: rec.id,
    recordKind: rec.kind,
    type: { code: rec.sensorType, name: sensorTypeLabel(rec.sensorType) },
    eventReadingType: rec.eventReadingType,
    thresholdBased,
    entity: { id: rec.entityId, instance: rec.entityInstance, name: entityIdName(rec.entityId) },
    units: unitString(
      rec.units.percentage,
      rec.units.modifierRelation,
      rec.units.baseUnit,
      rec.units.modifierUnit,
    ),
    analog,
    convertible: analog && s.factors !== undefined,
    available: r?.valid === true,
    status,
    severity: SEVERITY[status],
    states: asserted.map((e) => e.text),
    stateCodes: asserted.map((e) => ({
      readingType: rec.eventReadingType,
      sensorType: rec.sensorType,
      offset: e.offset,
    })),
    thresholds,
    thresholdsRead: thresholdBased && s.thresholds !== undefined,
    thresholdsInitialized: (rec.initialization & 0x10) !== 0,
    thresholdAccess: ACCESS[rec.capabilities.thresholdAccess]!,
    hysteresisAccess: ACCESS[rec.capabilities.hysteresisAccess]!,
    eventMessageControl: EVENT_CONTROL[rec.capabilities.eventMessageControl]!,
    hysteresis: {
      positive: hysteresis(rec.positiveHysteresis),
      negative: hysteresis(rec.negativeHysteresis),
    },
    range: {},
    masks: {
      readable: rec.readableThresholds,
      settable: rec.settableThresholds,
      // assertion mask bits 12-14: lnc lcr lnr; deassertion mask bits 12-14: unc ucr unr
      read: ((rec.assertionMask >> 12) & 0x07) | (((rec.deassertionMask >> 12) & 0x07) << 3),
    },
    oem: rec.oem,
  };
  if (r)
    view.reading = {
      raw: r.raw,
      eventMessagesEnabled: r.eventMessagesEnabled,
      scanningEnabled: r.scanningEnabled,
      unavailable: r.unavailable,
      state1: r.state1,
      state2: r.state2,
    };
  if (s.value !== undefined) view.value = s.value;
  if (crossed) view.crossed = crossed;
  if (full) {
    const tol = convertTolerance(full);
    view.tolerance =
      tol === undefined ? { raw: full.factors.tolerance } : { raw: full.factors.tolerance, value: tol };
    if (full.analogFlags & 0x01) view.range.nominal = stored(full, full.nominalReading);
    if (full.analogFlags & 0x04) view.range.normalMin = stored(full, full.normalMin);
    if (full.analogFlags & 0x02) view.range.normalMax = stored(full, full.normalMax);
    view.range.min = rangeEnd(full, full.sensorMin, EMPTY_MIN);
    view.range.max = rangeEnd(full, full.sensorMax, EMPTY_MAX);
  }
  return view;
}

/** A printer's argument: a view, or a snapshot it is built from (callers that read sensors themselves). */
export function asSensorView(x: SensorView | SensorSnapshot): SensorView {
  return 'recordKind' in x ? x : sensorView(x);
}

export interface SensorViewsOptions extends SnapshotOptions {
  /** called after each sensor is read, in completion order */
  onSensor?: (done: number, total: number) => void;
}

/**
 * Views of every sensor of an SDR, in SDR order. All readings (and threshold reads) are issued at once,
 * so the session's window keeps many in flight: the cost is about one round trip plus the window.
 */
export async function readSensorViews(
  r: Requester,
  records: readonly SdrRecord[],
  opts: SensorViewsOptions = {},
): Promise<SensorView[]> {
  const sensors = records.filter(isSensorRecord);
  let done = 0;
  const { onSensor, ...snapOpts } = opts;
  // every request in flight listens on the caller's signal: a listing has more than Node's default 10
  if (opts.signal) setMaxListeners(0, opts.signal);
  return Promise.all(
    sensors.map(async (rec) => {
      const v = sensorView(await readSensor(r, rec, snapOpts));
      onSensor?.(++done, sensors.length);
      return v;
    }),
  );
}
