// Analog reading conversion (IPMI v2.0 §36.3): y = L[(M·x + B·10^Bexp)·10^Rexp]. M and B are 10-bit
// two's complement, the exponents 4-bit two's complement; x is the raw byte read per the analog data
// format. The same six factor bytes appear in full sensor records [24..29] and in Get Sensor Reading
// Factors replies, so they are decoded by one function.
import { IpmiError } from '../errors';

export type AnalogFormat = 'unsigned' | 'ones-complement' | 'twos-complement' | 'none';
export const ANALOG_FORMATS: readonly AnalogFormat[] = [
  'unsigned',
  'ones-complement',
  'twos-complement',
  'none',
];

/** Linearization codes 0-11; 0x70-0x7F mean "non-linear": factors come per reading from the BMC. */
export const enum Linearization {
  Linear = 0,
  Ln = 1,
  Log10 = 2,
  Log2 = 3,
  E = 4,
  Exp10 = 5,
  Exp2 = 6,
  Reciprocal = 7,
  Square = 8,
  Cube = 9,
  Sqrt = 10,
  CubeRoot = 11,
}

export interface ConversionFactors {
  m: number;
  b: number;
  bExp: number;
  rExp: number;
  /** raw tolerance, in ±½ raw counts */
  tolerance: number;
  /** raw accuracy, in 1/100 percent scaled by 10^accuracyExp */
  accuracy: number;
  accuracyExp: number;
  /** sensor direction (0 unspecified, 1 input, 2 output) from the same byte */
  direction: number;
}

/** What conversion needs from a sensor: its factors, data format and linearization. */
export interface Convertible {
  factors: ConversionFactors;
  analogFormat: AnalogFormat;
  linearization: number;
}

export function signExtend(value: number, bits: number): number {
  const sign = 1 << (bits - 1);
  return (value & (sign - 1)) - (value & sign);
}

/** Decodes the six factor bytes (SDR [24..29], Get Sensor Reading Factors bytes 3-8). */
export function decodeFactors(bytes: Uint8Array, at = 0): ConversionFactors {
  if (bytes.length < at + 6)
    throw new IpmiError(
      'protocol',
      `conversion factors truncated: need 6 bytes at ${at}, have ${bytes.length - at}`,
    );
  const b0 = bytes[at]!;
  const b1 = bytes[at + 1]!;
  const b2 = bytes[at + 2]!;
  const b3 = bytes[at + 3]!;
  const b4 = bytes[at + 4]!;
  const b5 = bytes[at + 5]!;
  return {
    m: signExtend(b0 | ((b1 & 0xc0) << 2), 10),
    tolerance: b1 & 0x3f,
    b: signExtend(b2 | ((b3 & 0xc0) << 2), 10),
    accuracy: (b3 & 0x3f) | ((b4 & 0xf0) << 2),
    accuracyExp: (b4 >> 2) & 0x03,
    direction: b4 & 0x03,
    rExp: signExtend(b5 >> 4, 4),
    bExp: signExtend(b5 & 0x0f, 4),
  };
}

/** The raw byte as a signed or unsigned count; one's complement 0xFF is -0, i.e. 0. */
export function rawToCount(raw: number, format: AnalogFormat): number {
  const x = raw & 0xff;
  if (format === 'unsigned') return x;
  if (format === 'ones-complement') return x & 0x80 ? -(~x & 0x7f) || 0 : x;
  return signExtend(x, 8);
}

export function linearize(value: number, linearization: number): number {
  switch (linearization & 0x7f) {
    case Linearization.Ln:
      return Math.log(value);
    case Linearization.Log10:
      return Math.log10(value);
    case Linearization.Log2:
      return Math.log2(value);
    case Linearization.E:
      return Math.exp(value);
    case Linearization.Exp10:
      return Math.pow(10, value);
    case Linearization.Exp2:
      return Math.pow(2, value);
    case Linearization.Reciprocal:
      return 1 / value;
    case Linearization.Square:
      return value * value;
    case Linearization.Cube:
      return value * value * value;
    case Linearization.Sqrt:
      return Math.sqrt(value);
    case Linearization.CubeRoot:
      return Math.cbrt(value);
    default:
      // linear, and non-linear (0x70-0x7F) once per-reading factors have been applied
      return value;
  }
}

export function isNonLinear(linearization: number): boolean {
  return linearization >= 0x70 && linearization <= 0x7f;
}

/** Converts with explicit factors (from the SDR, or Get Sensor Reading Factors for non-linear sensors). */
export function convertWithFactors(
  f: ConversionFactors,
  format: AnalogFormat,
  linearization: number,
  raw: number,
): number | undefined {
  if (format === 'none') return undefined;
  const x = rawToCount(raw, format);
  const y = (f.m * x + f.b * Math.pow(10, f.bExp)) * Math.pow(10, f.rExp);
  return linearize(y, linearization);
}

/** The reading in the record's units, or undefined when the sensor has no analog reading. */
export function convertReading(record: Convertible, raw: number): number | undefined {
  return convertWithFactors(record.factors, record.analogFormat, record.linearization, raw);
}

/** Hysteresis is a difference, so B does not apply (ipmitool and FreeIPMI agree). */
export function convertHysteresis(record: Convertible, raw: number): number | undefined {
  if (record.analogFormat === 'none') return undefined;
  const y = record.factors.m * rawToCount(raw, record.analogFormat) * Math.pow(10, record.factors.rExp);
  return linearize(y, record.linearization);
}

/** Tolerance is ±½ raw count steps: M·(tol/2)·10^Rexp. */
export function convertTolerance(record: Convertible): number | undefined {
  if (record.analogFormat === 'none') return undefined;
  const y = record.factors.m * (record.factors.tolerance / 2) * Math.pow(10, record.factors.rExp);
  return linearize(y, record.linearization);
}

/** Accuracy in percent: accuracy·10^accuracyExp / 100. */
export function accuracyPercent(f: ConversionFactors): number {
  return (f.accuracy * Math.pow(10, f.accuracyExp)) / 100;
}

/**
 * Inverse of the linear part, for writing thresholds: rounds the way ipmitool does (fraction ≥ .5
 * up) and clamps to a byte. Throws 'argument' when M is 0 or the value does not fit the raw range.
 */
export function valueToRaw(record: Convertible, value: number): number {
  if (record.analogFormat === 'none') {
    return Math.min(255, Math.max(0, Math.trunc(value)));
  }
  const { m, b, bExp, rExp } = record.factors;
  if (m === 0) throw new IpmiError('argument', 'sensor has M = 0: its readings cannot be inverted');
  if (!Number.isFinite(value))
    throw new IpmiError('argument', `threshold value ${value} is not a finite number`);
  const x = (value / Math.pow(10, rExp) - b * Math.pow(10, bExp)) / m;
  const t = Math.trunc(x);
  const rounded = x - t >= 0.5 ? Math.ceil(x) : t;
  const [lo, hi] = record.analogFormat === 'unsigned' ? [0, 255] : [-128, 127];
  if (rounded < lo || rounded > hi)
    throw new IpmiError('argument', `threshold value ${value} is outside the sensor's raw range`);
  return rounded & 0xff;
}
