// The rules a threshold edit must keep before anything is sent: each value inside the sensor's range,
// and the order lnr ≤ lcr ≤ lnc ≤ unc ≤ ucr ≤ unr among the thresholds that have a value. Pure, so the
// form's validators and the unit tests share one definition.
import { THRESHOLD_ORDER, type ThresholdKey } from '../../../../../shared/domain/sensor';

export type ThresholdValues = Partial<Record<ThresholdKey, number | null | undefined>>;

/** The first neighbour (nearest in the order, with a value) that `key`'s value violates. */
export interface OrderProblem {
  kind: 'order';
  threshold: ThresholdKey;
  /** `above`: the value is above `other`, which must not be below it; `below` the reverse */
  relation: 'above' | 'below';
  other: ThresholdKey;
  otherValue: number;
}

export interface RangeProblem {
  kind: 'range';
  threshold: ThresholdKey;
  min: number;
  max: number;
}

export type ThresholdProblem = OrderProblem | RangeProblem;

/** The sensor's range in units (either end may be open). */
export interface SensorRange {
  min?: number | undefined;
  max?: number | undefined;
}

const has = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * What is wrong with `key`'s value given all values: out of range first (the BMC could not store it),
 * then the nearest lower threshold with a value above it, then the nearest upper one below it.
 */
export function thresholdProblem(
  key: ThresholdKey,
  values: ThresholdValues,
  range: SensorRange = {},
): ThresholdProblem | null {
  const v = values[key];
  if (!has(v)) return null;
  const lo = has(range.min) && has(range.max) ? Math.min(range.min, range.max) : range.min;
  const hi = has(range.min) && has(range.max) ? Math.max(range.min, range.max) : range.max;
  if ((has(lo) && v < lo) || (has(hi) && v > hi))
    return { kind: 'range', threshold: key, min: lo ?? -Infinity, max: hi ?? Infinity };
  const at = THRESHOLD_ORDER.indexOf(key);
  for (let i = at - 1; i >= 0; i--) {
    const other = THRESHOLD_ORDER[i]!;
    const o = values[other];
    if (!has(o)) continue;
    if (o > v) return { kind: 'order', threshold: key, relation: 'below', other, otherValue: o };
    break;
  }
  for (let i = at + 1; i < THRESHOLD_ORDER.length; i++) {
    const other = THRESHOLD_ORDER[i]!;
    const o = values[other];
    if (!has(o)) continue;
    if (o < v) return { kind: 'order', threshold: key, relation: 'above', other, otherValue: o };
    break;
  }
  return null;
}

/** Every threshold's problem, in lnr..unr order (empty when the set may be written). */
export function thresholdProblems(values: ThresholdValues, range: SensorRange = {}): ThresholdProblem[] {
  return THRESHOLD_ORDER.map((k) => thresholdProblem(k, values, range)).filter(
    (p): p is ThresholdProblem => p !== null,
  );
}
