// `sensor` family: list, get <id>..., reading <id>..., thresh <id> <threshold> <value> |
// thresh <id> lower|upper <3 values> (ipmitool 1.8.19 syntax, output and exit codes; `-c` as ipmitool).
import type { Requester } from '../../ipmi/client/requester';
import type { CliCommand, CliContext } from '../context';
import { readSensor } from '../../ipmi/commands/sensor/sensor-snapshot';
import { readSensorViews } from '../../views/sensor';
import {
  getSensorEventEnable,
  getSensorEventStatus,
  getSensorThresholds,
  setSensorThresholds,
} from '../../ipmi/commands/sensor/sensor-thresholds';
import { convertReading, valueToRaw } from '../../ipmi/decode/reading-conversion';
import { THRESHOLD_BITS, type ThresholdName } from '../../ipmi/decode/sdr/sensor-record-common';
import { isThresholdSensor } from '../../ipmi/decode/sdr/sdr-record';
import type { FullSensorRecord } from '../../ipmi/decode/sdr/full-sensor-record';
import { sensorCsvLine, sensorGetBlock, sensorListLine, settingLine } from '../format/sensor';
import { analogText } from '../format/sdr';
import { sdrGetOtherBlock } from '../format/sdr-verbose';
import { left } from '../format/c-number';
import { ipmitoolCcText } from '../format/completion-code';
import { refusalCode } from './cc-failure';
import { cliSdr, findById, sdrRecords, takeCacheFlag } from './sdr-source';
import { loadSdr, type LoadSdrOptions } from '../../services/sdr-cache';

// ipmitool's one line, byte for byte (scripts parse it); the bmcdesk-only --no-cache flag is explained
// by `sdr help` and the README.
const USAGE = 'Sensor Commands:  list thresh get reading\n';

const GET_USAGE = 'sensor get <id> ... [id]\n   id        : name of desired sensor\n';
const READING_USAGE = 'sensor reading <id> ... [id]\n   id        : name of desired sensor\n';
const THRESH_USAGE = `sensor thresh <id> <threshold> <setting>
   id        : name of the sensor for which threshold is to be set
   threshold : which threshold to set
                 unr = upper non-recoverable
                 ucr = upper critical
                 unc = upper non-critical
                 lnc = lower non-critical
                 lcr = lower critical
                 lnr = lower non-recoverable
   setting   : the value to set the threshold to

sensor thresh <id> lower <lnr> <lcr> <lnc>
   Set all lower thresholds at the same time

sensor thresh <id> upper <unc> <ucr> <unr>
   Set all upper thresholds at the same time

`;

/** `sensor list` text for the SDR behind `r`; exported for the benchmark (cold = cacheDir absent or empty). */
export async function sensorList(
  r: Requester,
  opts: LoadSdrOptions = {},
): Promise<{ text: string; source: 'cache' | 'bmc' }> {
  const sdr = await loadSdr(r, opts);
  const views = await readSensorViews(r, sdr.records, { thresholds: true });
  return { text: views.map((v) => sensorListLine(v)).join(''), source: sdr.source };
}

async function get(ctx: CliContext, noCache: boolean, ids: string[]): Promise<number> {
  if (ids.length === 0) {
    ctx.err(`Not enough parameters given.\n${GET_USAGE}`);
    return 1;
  }
  if (ids[0] === 'help') {
    ctx.err(GET_USAGE);
    return 0;
  }
  const r = await ctx.session();
  const records = await sdrRecords(ctx, r, noCache);
  ctx.out('Locating sensor record...\n');
  let rc = 0;
  for (const id of ids) {
    const rec = findById(records, id);
    if (!rec) {
      ctx.err(`Sensor data record "${id}" not found!\n`);
      rc = 1;
      continue;
    }
    if (rec.kind !== 'full' && rec.kind !== 'compact') {
      // ipmitool sets verbose for `sensor get`, so other records print their `sdr get` block
      ctx.out(sdrGetOtherBlock(rec) ?? '');
      continue;
    }
    const threshold = isThresholdSensor(rec);
    const addr = { number: rec.number, ownerLun: rec.ownerLun };
    const [snap, eventStatus, eventEnable] = await Promise.all([
      readSensor(r, rec, { thresholds: true }),
      threshold ? getSensorEventStatus(r, addr) : Promise.resolve(undefined),
      threshold ? getSensorEventEnable(r, addr) : Promise.resolve(undefined),
    ]);
    ctx.out(
      ctx.csv ? sensorCsvLine(snap, { verbose: true }) : sensorGetBlock(snap, { eventStatus, eventEnable }),
    );
    if (!snap.reading?.valid) rc = 1;
  }
  return rc;
}

/**
 * `sensor reading <id>...`: "<id> | <value>" for analog sensors (ipmitool's ipmi_sensor_get_reading).
 * Like ipmitool, compact records and sensors without a reading are skipped silently, a discrete full
 * sensor is named on stderr, and only a name that is not found makes the exit status 1.
 */
async function reading(ctx: CliContext, noCache: boolean, ids: string[]): Promise<number> {
  if (ids.length === 0 || ids[0] === 'help') {
    ctx.err(READING_USAGE);
    return 1;
  }
  const r = await ctx.session();
  const records = await sdrRecords(ctx, r, noCache);
  let rc = 0;
  for (const id of ids) {
    const rec = findById(records, id);
    if (!rec) {
      ctx.err(`Sensor "${id}" not found!\n`);
      rc = 1;
      continue;
    }
    if (rec.kind !== 'full') continue;
    const snap = await readSensor(r, rec);
    if (!snap.reading?.valid) continue;
    const a = analogText(snap, 3);
    if (a === undefined) {
      ctx.err(`Sensor "${id}" is a discrete sensor!\n`);
      continue;
    }
    ctx.out(ctx.csv ? `${id},${a}\n` : `${left(id, 16)} | ${a}\n`);
  }
  return rc;
}

const SINGLE: Record<string, ThresholdName> = {
  unr: 'unr',
  ucr: 'ucr',
  unc: 'unc',
  lnc: 'lnc',
  lcr: 'lcr',
  lnr: 'lnr',
};

/** strtod-like: the whole argument must be a number (ipmitool's str2double). */
function parseNumber(s: string): number | undefined {
  if (!/^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}

/** ipmitool's ordering check before a single threshold is written (values clamped at 0 as it does). */
function validSingle(
  name: ThresholdName,
  v: number,
  readable: number,
  cur: Record<ThresholdName, number>,
): boolean {
  const has = (n: ThresholdName) => (readable & THRESHOLD_BITS[n]) !== 0;
  if (!has(name)) return true;
  switch (name) {
    case 'unr':
      return !((has('ucr') && v <= cur.ucr) || (has('unc') && v <= cur.unc));
    case 'ucr':
      return !((has('unr') && v >= cur.unr) || (has('unc') && v <= cur.unc));
    case 'unc':
      return !((has('unr') && v >= cur.unr) || (has('ucr') && v >= cur.ucr) || (has('lnc') && v <= cur.lnc));
    case 'lnc':
      return !((has('lcr') && v <= cur.lcr) || (has('lnr') && v <= cur.lnr) || (has('unc') && v >= cur.unc));
    case 'lcr':
      return !((has('lnc') && v >= cur.lnc) || (has('lnr') && v <= cur.lnr));
    case 'lnr':
      return !((has('lnc') && v >= cur.lnc) || (has('lcr') && v >= cur.lcr));
  }
}

async function thresh(ctx: CliContext, noCache: boolean, args: string[]): Promise<number> {
  if (args.length < 3 || args[0] === 'help') {
    ctx.err(THRESH_USAGE);
    return 0;
  }
  const [id, which] = args as [string, string, ...string[]];
  let settings: [ThresholdName, number][];
  if (which === 'upper' || which === 'lower') {
    if (args.length < 5) {
      ctx.err(
        `usage: sensor thresh <id> ${which} ${which === 'upper' ? '<unc> <ucr> <unr>' : '<lnr> <lcr> <lnc>'}\n`,
      );
      return 1;
    }
    const names: ThresholdName[] = which === 'upper' ? ['unc', 'ucr', 'unr'] : ['lnr', 'lcr', 'lnc'];
    // ipmitool's messages name the lower values in the opposite order (sic)
    const msgNames = which === 'upper' ? names : (['lnc', 'lcr', 'lnr'] as ThresholdName[]);
    settings = [];
    for (let i = 0; i < 3; i++) {
      const v = parseNumber(args[2 + i]!);
      if (v === undefined) {
        ctx.err(`Given ${msgNames[i]!} '${args[2 + i]!}' is invalid.\n`);
        return 1;
      }
      settings.push([names[i]!, v]);
    }
  } else {
    const name = SINGLE[which];
    if (!name) {
      ctx.err(`Valid threshold '${which}' for sensor '${id}' not specified!\n`);
      return 1;
    }
    const v = parseNumber(args[2]!);
    if (v === undefined) {
      ctx.err(`Given ${which} threshold value '${args[2]!}' is invalid.\n`);
      return 1;
    }
    settings = [[name, v]];
  }
  ctx.out(`Locating sensor record '${id}'...\n`);
  const r = await ctx.session();
  const records = await sdrRecords(ctx, r, noCache);
  const rec = findById(records, id);
  if (!rec) {
    ctx.err('Sensor data record not found!\n');
    return 1;
  }
  if (rec.kind !== 'full') {
    ctx.err(`Invalid sensor type ${rec.recordType.toString(16).padStart(2, '0')}\n`);
    return 1;
  }
  if (!isThresholdSensor(rec)) {
    ctx.err(`Invalid sensor event type ${rec.eventReadingType.toString(16).padStart(2, '0')}\n`);
    return 1;
  }
  const addr = { number: rec.number, ownerLun: rec.ownerLun };
  if (settings.length === 1) {
    const [name, v] = settings[0]!;
    let current;
    try {
      current = await getSensorThresholds(r, addr);
    } catch (e) {
      if (refusalCode(e) === undefined) throw e;
      ctx.err('Sensor data record not found!\n');
      return 1;
    }
    const cur = Object.fromEntries(
      Object.entries(current.raw).map(([k, raw]) => [k, Math.max(0, convertReading(rec, raw) ?? 0)]),
    ) as Record<ThresholdName, number>;
    if (!validSingle(name, v, current.readable, cur)) {
      ctx.err('Invalid Threshold data values. Cannot Set Threshold Data.\n');
      return 1;
    }
  }
  let rc = 0;
  for (const [name, v] of settings) {
    ctx.out(settingLine(rec.id, name, v));
    rc = await writeOne(ctx, r, rec, name, v);
  }
  return rc; // like ipmitool, the last write decides
}

async function writeOne(
  ctx: CliContext,
  r: Requester,
  rec: FullSensorRecord,
  name: ThresholdName,
  v: number,
): Promise<number> {
  try {
    await setSensorThresholds(
      r,
      { number: rec.number, ownerLun: rec.ownerLun },
      { [name]: valueToRaw(rec, v) },
    );
    return 0;
  } catch (e) {
    const cc = refusalCode(e);
    if (cc === undefined) throw e;
    ctx.err(`Error setting threshold: ${ipmitoolCcText(cc)}\n`);
    return 1;
  }
}

export const sensorCommand: CliCommand = {
  name: 'sensor',
  usage: USAGE,
  async run(ctx, args) {
    const { noCache, rest } = takeCacheFlag(args);
    const [sub, ...more] = rest;
    if (sub === undefined || sub === 'list') {
      const r = await ctx.session();
      // ipmitool's sensor list walks the BMC's repository itself: -S does not apply
      const { records } = await cliSdr(ctx, r, noCache);
      const views = await readSensorViews(r, records, { thresholds: true });
      ctx.out(views.map((v) => (ctx.csv ? sensorCsvLine(v) : sensorListLine(v))).join(''));
      return 0;
    }
    if (sub === 'help') {
      ctx.err(USAGE);
      return 0;
    }
    if (sub === 'get') return get(ctx, noCache, more);
    if (sub === 'reading') return reading(ctx, noCache, more);
    if (sub === 'thresh') return thresh(ctx, noCache, more);
    ctx.err(`Invalid sensor command: ${sub}\n`);
    return 1;
  },
};
