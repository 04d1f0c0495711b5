// Numbers in the user's language (grouping, decimal sign), at most the three decimals ipmitool prints.
import type { SensorViewData } from '../../../../../shared/domain/sensor';

const formats = new Map<string, Intl.NumberFormat>();

export function formatNumber(lang: string, n: number): string {
  let f = formats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang, { maximumFractionDigits: 3 });
    formats.set(lang, f);
  }
  return f.format(n);
}

/** A value the view carries: a number, or 'Infinity'/'-Infinity'/'NaN' as text (non-linear sensors). */
export function finite(v: number | string | undefined): number | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function formatUnitValue(lang: string, v: number | string | undefined): string {
  if (typeof v === 'number') return formatNumber(lang, v);
  if (v === 'Infinity') return '∞';
  if (v === '-Infinity') return '−∞';
  return v ?? '';
}

/** The sensor's range in units (ends the SDR leaves open are absent). */
export function sensorRange(s: SensorViewData): { min?: number; max?: number } {
  const end = (e: SensorViewData['range']['min']) => (e?.specified ? finite(e.value) : undefined);
  const min = end(s.range.min);
  const max = end(s.range.max);
  return { ...(min !== undefined && { min }), ...(max !== undefined && { max }) };
}
