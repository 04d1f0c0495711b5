// `sensor list`, `sensor get` and `sensor thresh` text exactly as ipmitool 1.8.19 prints it
// (lib/ipmi_sensor.c, and the hysteresis/event-enable helpers of lib/ipmi_sdr.c). Pure: a printer of
// sensor views (electron/views/sensor.ts); a snapshot passed in is turned into its view first.
import type { SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import type { SensorEventBits } from '../../ipmi/commands/sensor/sensor-thresholds';
import type { ThresholdName } from '../../ipmi/decode/sdr/sensor-record-common';
import type { SensorView, ThresholdKey } from '../../../shared/domain/sensor';
import { asSensorView } from '../../views/sensor';
import { fixed, hex2, left, wholeOr } from './c-number';
import { analogText, discreteValue } from './sdr';

/** Column order of `sensor list`: lnr, lcr, lnc, unc, ucr, unr. */
type SensorArg = SensorView | SensorSnapshot;

/**
 * ipmitool's s_a_units: set only for sensors with an analog value, and only once a reading came back
 * with scanning enabled. A refused reading (completion code: sensor not installed) or scanning disabled
 * leaves the units column blank; "reading unavailable" with scanning on still shows them (lab: P5V,
 * FAN3; lib/ipmi_sdr.c ipmi_sdr_read_sensor_value).
 */
export function analogUnits(x: SensorArg): string {
  const v = asSensorView(x);
  if (!v.reading || !v.reading.scanningEnabled) return '';
  return v.analog && v.convertible ? v.units : '';
}

/** ipmitool's verbose status (`sensor get`, `sdr get`, their `-c` forms): the threshold in words. */
export function verboseStatus(v: SensorView, invalid: string): string {
  if (!v.available) return invalid;
  return v.crossed ? THRESHOLD_TEXT[v.crossed] : 'ok';
}

/** Threshold cell: "%-10.3f" for analog, "0x%-8x" for raw, "%-10s" na. */
function thresholdCells(
  v: SensorView,
  sep: string,
  analog: (n: number) => string,
  raw: (n: number) => string,
  na: string,
): string {
  if (!v.thresholdsRead || v.recordKind !== 'full') return (sep + na).repeat(6);
  return v.thresholds
    .map((t) => {
      if (!t.readable || t.raw === undefined) return sep + na;
      return sep + (t.value === undefined ? raw(t.raw) : analog(t.value));
    })
    .join('');
}

/** One `sensor list` line. */
export function sensorListLine(x: SensorArg): string {
  const v = asSensorView(x);
  const r = v.reading;
  let line = `${left(v.name, 16)} `;
  if (!v.thresholdBased) {
    if (r && v.available) {
      const a = analogText(v, 3);
      line +=
        a !== undefined
          ? `| ${left(a, 10)} | ${left(v.units, 10)} | ${left('ok', 6)}`
          : `| 0x${left(discreteValue(v).toString(16), 8)} | ${left('discrete', 10)} | 0x${hex2(r.state1)}${hex2(r.state2)}`;
    } else {
      line += `| ${left('na', 10)} | ${left('discrete', 10)} | ${left('na', 6)}`;
    }
    return line + `| ${left('na', 10)}`.repeat(6) + '\n';
  }
  if (r && v.available) {
    line +=
      v.value !== undefined
        ? `| ${left(fixed(v.value, 3), 10)} | ${left(analogUnits(v), 10)} | ${left(v.status, 6)}`
        : `| 0x${left(r.raw.toString(16), 8)} | ${left(analogUnits(v), 10)} | ${left(v.status, 6)}`;
  } else {
    line += `| ${left('na', 10)} | ${left(analogUnits(v), 10)} | ${left('na', 6)}`;
  }
  line += thresholdCells(
    v,
    '| ',
    (n) => left(fixed(n, 3), 10),
    (n) => `0x${left(n.toString(16), 8)}`,
    left('na', 10),
  );
  return line + '\n';
}

/** One `-c sensor list` line (ipmitool's CSV forms of the same fields). Unlike the table form, a
 *  discrete sensor's "reading" is Get Sensor Reading byte 1, as the installed 1.8.19 prints it.
 *  `verbose`: `-c sensor get`, where ipmitool sets verbose, so a crossed threshold reads in words
 *  ("Upper Critical") instead of its class ("cr"). */
export function sensorCsvLine(x: SensorArg, { verbose = false }: { verbose?: boolean } = {}): string {
  const v = asSensorView(x);
  const r = v.reading;
  let line = v.name;
  if (!v.thresholdBased) {
    if (r && v.available) {
      const a = analogText(v, 3);
      line +=
        a !== undefined
          ? `,${a},${v.units},ok`
          : `,0x${r.raw.toString(16)},discrete,0x${hex2(r.state1)}${hex2(r.state2)}`;
    } else line += ',na,discrete,na';
    return line + ',na'.repeat(6) + '\n';
  }
  const status = verbose ? verboseStatus(v, 'ns') : v.status;
  if (r && v.available)
    line +=
      v.value !== undefined
        ? `,${fixed(v.value, 3)},${analogUnits(v)},${status}`
        : `,0x${r.raw.toString(16)},${analogUnits(v)},${status}`;
  else line += `,na,${analogUnits(v)},na`;
  line += thresholdCells(
    v,
    ',',
    (n) => fixed(n, 3),
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

/** A hysteresis line: converted for analog full records, else the raw byte; 0x00/0xFF unspecified. */
export function hysteresisLine(h: SensorView['hysteresis']['positive'], label: string): string {
  if (h.value === undefined) {
    return h.raw === 0x00 || h.raw === 0xff
      ? ` ${label}   : Unspecified\n`
      : ` ${label}   : 0x${hex2(h.raw).toUpperCase()}\n`;
  }
  if (h.raw === 0x00 || h.raw === 0xff || h.value === 0) return ` ${label}   : Unspecified\n`;
  return ` ${label}   : ${fixed(h.value, 3)}\n`;
}

export interface SensorGetExtras {
  eventStatus?: SensorEventBits | undefined;
  eventEnable?: SensorEventBits | undefined;
}

const GET_LABELS: Record<ThresholdKey, string> = {
  lnr: ' Lower Non-Recoverable : ',
  lcr: ' Lower Critical        : ',
  lnc: ' Lower Non-Critical    : ',
  unc: ' Upper Non-Critical    : ',
  ucr: ' Upper Critical        : ',
  unr: ' Upper Non-Recoverable : ',
};

/** The block `sensor get <id>` prints for one full or compact sensor. */
export function sensorGetBlock(x: SensorArg, extras: SensorGetExtras = {}): string {
  const v = asSensorView(x);
  const r = v.reading;
  let out = `Sensor ID              : ${v.name} (0x${v.number.toString(16)})\n Entity ID             : ${v.entity.id}.${v.entity.instance}\n`;
  if (!v.thresholdBased) {
    out += ` Sensor Type (Discrete): ${v.type.name}\n`;
    if (v.available) {
      const a = analogText(v, 3);
      if (a !== undefined) out += ` Sensor Reading        : ${a} ${v.units}\n`;
      if (v.states.length)
        out +=
          ` ${left('States Asserted', 21)} : ${v.type.name}\n` +
          v.states.map((t) => `                         [${t}]\n`).join('');
      out += '\n';
    } else {
      out += ' Unable to read sensor: Device Not Present\n\n';
    }
    return out;
  }
  out += ` Sensor Type (Threshold)  : ${v.type.name}\n Sensor Reading        : `;
  if (r && v.available) {
    if (v.recordKind === 'full' && v.tolerance) {
      const tol = v.tolerance.value;
      if (v.value !== undefined && tol !== undefined)
        out += `${wholeOr(v.value, 3)} (+/- ${wholeOr(tol, 3)}) ${analogUnits(v)}\n`;
      else out += `0x${r.raw.toString(16)} (+/- 0x${v.tolerance.raw.toString(16)}) ${analogUnits(v)}\n`;
    } else {
      out += `0x${r.raw.toString(16)} ${analogUnits(v)}\n`;
    }
    // ipmitool's sensor get sets verbose: a crossed threshold in words
    out += ` Status                : ${verboseStatus(v, 'ns')}\n`;
    if (v.thresholdsRead) {
      if (v.recordKind === 'full') {
        for (const t of v.thresholds) {
          const label = GET_LABELS[t.name];
          if (!t.readable || t.raw === undefined) out += `${label}na\n`;
          else out += label + (t.value === undefined ? `0x${t.raw.toString(16)}` : fixed(t.value, 3)) + '\n';
        }
      }
      out += hysteresisLine(v.hysteresis.positive, 'Positive Hysteresis');
      out += hysteresisLine(v.hysteresis.negative, 'Negative Hysteresis');
    } else {
      out += ' Sensor Threshold Settings not available\n';
    }
  } else {
    out += ' Unable to read sensor: Device Not Present\n\n';
  }
  out += analogEventLines(extras.eventStatus, 'status');
  out += analogEventLines(extras.eventEnable, 'enable');
  return out + '\n';
}

const THRESHOLD_TEXT: Record<ThresholdKey, string> = {
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
