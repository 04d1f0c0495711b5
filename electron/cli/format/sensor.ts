// `sensor list`, `sensor get` and `sensor thresh` text exactly as ipmitool 1.8.19 prints it
// (lib/ipmi_sensor.c, and the hysteresis/event-enable helpers of lib/ipmi_sdr.c). Pure.
import { assertedStates } from '../../ipmi/decode/event-reading-types';
import { isThresholdSensor } from '../../ipmi/decode/sdr/sdr-record';
import { sensorTypeLabel } from '../../ipmi/decode/sensor-types';
import {
  convertHysteresis,
  convertTolerance,
  convertWithFactors,
} from '../../ipmi/decode/reading-conversion';
import { unitString } from '../../ipmi/decode/units';
import { sensorHealth, sensorHealthVerbose } from '../../ipmi/commands/sensor/sensor-reading';
import { hasAnalogReading, type SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import type { SensorEventBits } from '../../ipmi/commands/sensor/sensor-thresholds';
import type { ThresholdName } from '../../ipmi/decode/sdr/sensor-record-common';
import { THRESHOLD_BITS } from '../../ipmi/decode/sdr/sensor-record-common';
import { fixed, hex2, left, wholeOr } from './c-number';
import { analogText, discreteValue } from './sdr';

/** Column order of `sensor list`: lnr, lcr, lnc, unc, ucr, unr. */
const LIST_ORDER: readonly ThresholdName[] = ['lnr', 'lcr', 'lnc', 'unc', 'ucr', 'unr'];

function unitsOf(s: SensorSnapshot): string {
  const u = s.record.units;
  return unitString(u.percentage, u.modifierRelation, u.baseUnit, u.modifierUnit);
}

/**
 * ipmitool's s_a_units: set only for sensors with an analog value, and only once a reading came back
 * with scanning enabled. A refused reading (completion code: sensor not installed) or scanning disabled
 * leaves the units column blank; "reading unavailable" with scanning on still shows them (lab: P5V,
 * FAN3; lib/ipmi_sdr.c ipmi_sdr_read_sensor_value).
 */
export function analogUnits(s: SensorSnapshot): string {
  if (!s.reading || !s.reading.scanningEnabled) return '';
  return hasAnalogReading(s.record) && s.factors ? unitsOf(s) : '';
}

export function thresholdValue(s: SensorSnapshot, raw: number): number | undefined {
  const rec = s.record;
  if (rec.kind !== 'full' || rec.analogFormat === 'none') return undefined;
  return convertWithFactors(rec.factors, rec.analogFormat, rec.linearization, raw);
}

/** Threshold cell: "%-10.3f" for analog, "0x%-8x" for raw, "%-10s" na. */
function thresholdCells(
  s: SensorSnapshot,
  sep: string,
  analog: (v: number) => string,
  raw: (n: number) => string,
  na: string,
): string {
  const t = s.thresholds;
  if (!t || s.record.kind !== 'full') return LIST_ORDER.map(() => sep + na).join('');
  return LIST_ORDER.map((name) => {
    if (!(t.readable & THRESHOLD_BITS[name])) return sep + na;
    const v = thresholdValue(s, t.raw[name]);
    return sep + (v === undefined ? raw(t.raw[name]) : analog(v));
  }).join('');
}

/** One `sensor list` line. */
export function sensorListLine(s: SensorSnapshot): string {
  const r = s.reading;
  let line = `${left(s.record.id, 16)} `;
  if (!isThresholdSensor(s.record)) {
    if (r && r.valid) {
      const a = analogText(s, 3);
      line +=
        a !== undefined
          ? `| ${left(a, 10)} | ${left(unitsOf(s), 10)} | ${left('ok', 6)}`
          : `| 0x${left(discreteValue(s).toString(16), 8)} | ${left('discrete', 10)} | 0x${hex2(r.state1)}${hex2(r.state2)}`;
    } else {
      line += `| ${left('na', 10)} | ${left('discrete', 10)} | ${left('na', 6)}`;
    }
    return line + `| ${left('na', 10)}`.repeat(6) + '\n';
  }
  const status = sensorHealth(r, true);
  if (r && r.valid) {
    line +=
      s.value !== undefined
        ? `| ${left(fixed(s.value, 3), 10)} | ${left(analogUnits(s), 10)} | ${left(status, 6)}`
        : `| 0x${left(r.raw.toString(16), 8)} | ${left(analogUnits(s), 10)} | ${left(status, 6)}`;
  } else {
    line += `| ${left('na', 10)} | ${left(analogUnits(s), 10)} | ${left('na', 6)}`;
  }
  line += thresholdCells(
    s,
    '| ',
    (v) => left(fixed(v, 3), 10),
    (n) => `0x${left(n.toString(16), 8)}`,
    left('na', 10),
  );
  return line + '\n';
}

/** One `-c sensor list` line (ipmitool's CSV forms of the same fields). Unlike the table form, a
 *  discrete sensor's "reading" is Get Sensor Reading byte 1, as the installed 1.8.19 prints it.
 *  `verbose`: `-c sensor get`, where ipmitool sets verbose, so a crossed threshold reads in words
 *  ("Upper Critical") instead of its class ("cr"). */
export function sensorCsvLine(s: SensorSnapshot, { verbose = false }: { verbose?: boolean } = {}): string {
  const r = s.reading;
  let line = s.record.id;
  if (!isThresholdSensor(s.record)) {
    if (r && r.valid) {
      const a = analogText(s, 3);
      line +=
        a !== undefined
          ? `,${a},${unitsOf(s)},ok`
          : `,0x${r.raw.toString(16)},discrete,0x${hex2(r.state1)}${hex2(r.state2)}`;
    } else line += ',na,discrete,na';
    return line + ',na'.repeat(6) + '\n';
  }
  const status = verbose ? sensorHealthVerbose(r, 'ns') : sensorHealth(r, true);
  if (r && r.valid)
    line +=
      s.value !== undefined
        ? `,${fixed(s.value, 3)},${analogUnits(s)},${status}`
        : `,0x${r.raw.toString(16)},${analogUnits(s)},${status}`;
  else line += `,na,${analogUnits(s)},na`;
  line += thresholdCells(
    s,
    ',',
    (v) => fixed(v, 3),
    (n) => `0x${n.toString(16)}`,
    'na',
  );
  return line + '\n';
}

const COND_1 = ['lnc-', 'lnc+', 'lcr-', 'lcr+', 'lnr-', 'lnr+', 'unc-', 'unc+'];
const COND_2 = ['ucr-', 'ucr+', 'unr-', 'unr+'];

function bitNames(b1: number, b2: number | undefined): string {
  let s = '';
  for (let i = 0; i < 8; i++) if (b1 & (1 << i)) s += `${COND_1[i]!} `;
  if (b2 !== undefined) for (let i = 0; i < 4; i++) if (b2 & (1 << i)) s += `${COND_2[i]!} `;
  return s;
}

/** The " Assertion Events" / " Assertions Enabled" block of an analog sensor. */
export function analogEventLines(bits: SensorEventBits | undefined, kind: 'status' | 'enable'): string {
  if (!bits) return '';
  const d = bits.bytes;
  let out = '';
  if (kind === 'status' && bits.unavailable) return ' Event Status          : Unavailable\n';
  if (!bits.eventMessagesEnabled)
    out +=
      kind === 'status'
        ? ' Event Status          : Event Messages Disabled\n'
        : ' Event Enable          : Event Messages Disabled\n';
  const [aLabel, dLabel] =
    kind === 'status'
      ? [' Assertion Events      : ', ' Deassertion Events    : ']
      : [' Assertions Enabled    : ', ' Deassertions Enabled  : '];
  // ipmitool reads byte 1 even when the reply stopped before it (stale buffer); we read it as 0
  out += aLabel + bitNames(d[0] ?? 0, d.length > 1 ? d[1] : undefined);
  if (d.length > 1) {
    out += '\n';
    const len = d.length + 1; // ipmitool counts the flags byte
    // ipmitool's status path needs both deassertion bytes non-zero, its enable path either (sic)
    const show =
      len === 4
        ? d[2] !== 0
        : len > 4 && (kind === 'status' ? d[2] !== 0 && d[3] !== 0 : d[2] !== 0 || d[3] !== 0);
    if (show) out += dLabel + bitNames(d[2] ?? 0, len > 4 ? d[3] : undefined) + '\n';
  } else {
    out += '\n';
  }
  return out;
}

export function hysteresisLine(s: SensorSnapshot, raw: number, label: string): string {
  const rec = s.record;
  if (rec.kind !== 'full' || rec.analogFormat === 'none') {
    return raw === 0x00 || raw === 0xff
      ? ` ${label}   : Unspecified\n`
      : ` ${label}   : 0x${hex2(raw).toUpperCase()}\n`;
  }
  const v = convertHysteresis(rec, raw);
  if (raw === 0x00 || raw === 0xff || v === undefined || v === 0) return ` ${label}   : Unspecified\n`;
  return ` ${label}   : ${fixed(v, 3)}\n`;
}

export interface SensorGetExtras {
  eventStatus?: SensorEventBits | undefined;
  eventEnable?: SensorEventBits | undefined;
}

/** The block `sensor get <id>` prints for one full or compact sensor. */
export function sensorGetBlock(s: SensorSnapshot, x: SensorGetExtras = {}): string {
  const rec = s.record;
  const r = s.reading;
  let out = `Sensor ID              : ${rec.id} (0x${rec.number.toString(16)})\n Entity ID             : ${rec.entityId}.${rec.entityInstance}\n`;
  if (!isThresholdSensor(rec)) {
    out += ` Sensor Type (Discrete): ${sensorTypeLabel(rec.sensorType)}\n`;
    if (r && r.valid) {
      const a = analogText(s, 3);
      if (a !== undefined) out += ` Sensor Reading        : ${a} ${unitsOf(s)}\n`;
      const states = assertedStates(rec.sensorType, rec.eventReadingType, r.state1, r.state2);
      if (states.length)
        out +=
          ` ${left('States Asserted', 21)} : ${sensorTypeLabel(rec.sensorType)}\n` +
          states.map((t) => `                         [${t}]\n`).join('');
      out += '\n';
    } else {
      out += ' Unable to read sensor: Device Not Present\n\n';
    }
    return out;
  }
  out += ` Sensor Type (Threshold)  : ${sensorTypeLabel(rec.sensorType)}\n Sensor Reading        : `;
  if (r && r.valid) {
    if (rec.kind === 'full') {
      const tol = convertTolerance(rec);
      if (s.value !== undefined && tol !== undefined)
        out += `${wholeOr(s.value, 3)} (+/- ${wholeOr(tol, 3)}) ${analogUnits(s)}\n`;
      else out += `0x${r.raw.toString(16)} (+/- 0x${rec.factors.tolerance.toString(16)}) ${analogUnits(s)}\n`;
    } else {
      out += `0x${r.raw.toString(16)} ${analogUnits(s)}\n`;
    }
    // ipmitool's sensor get sets verbose: a crossed threshold in words
    out += ` Status                : ${sensorHealthVerbose(r, 'ns')}\n`;
    if (s.thresholds) {
      if (rec.kind === 'full') {
        const labels: [ThresholdName, string][] = [
          ['lnr', ' Lower Non-Recoverable : '],
          ['lcr', ' Lower Critical        : '],
          ['lnc', ' Lower Non-Critical    : '],
          ['unc', ' Upper Non-Critical    : '],
          ['ucr', ' Upper Critical        : '],
          ['unr', ' Upper Non-Recoverable : '],
        ];
        for (const [name, label] of labels) {
          if (!(s.thresholds.readable & THRESHOLD_BITS[name])) out += `${label}na\n`;
          else {
            const v = thresholdValue(s, s.thresholds.raw[name]);
            out +=
              label + (v === undefined ? `0x${s.thresholds.raw[name].toString(16)}` : fixed(v, 3)) + '\n';
          }
        }
      }
      out += hysteresisLine(s, rec.positiveHysteresis, 'Positive Hysteresis');
      out += hysteresisLine(s, rec.negativeHysteresis, 'Negative Hysteresis');
    } else {
      out += ' Sensor Threshold Settings not available\n';
    }
  } else {
    out += ' Unable to read sensor: Device Not Present\n\n';
  }
  out += analogEventLines(x.eventStatus, 'status');
  out += analogEventLines(x.eventEnable, 'enable');
  return out + '\n';
}

const THRESHOLD_TEXT: Record<ThresholdName, string> = {
  unr: 'Upper Non-Recoverable',
  ucr: 'Upper Critical',
  unc: 'Upper Non-Critical',
  lnr: 'Lower Non-Recoverable',
  lcr: 'Lower Critical',
  lnc: 'Lower Non-Critical',
};

/** `Setting sensor "<id>" <threshold> threshold to <value>` */
export function settingLine(id: string, name: ThresholdName, value: number): string {
  return `Setting sensor "${id}" ${THRESHOLD_TEXT[name]} threshold to ${fixed(value, 3)}\n`;
}
