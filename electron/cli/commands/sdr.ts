// `sdr` family: list, elist, type, entity, info, get, dump (ipmitool 1.8.19 syntax and output; `-c` as
// ipmitool).
import type { CliCommand, CliContext } from '../context';
import { getSdrRepositoryInfo } from '../../ipmi/commands/storage/sdr-repository';
import { readAllSensors, readSensor, type SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import { sensorTypeByName } from '../../ipmi/decode/sensor-types';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import {
  ENTITY_ID_CODES,
  formatEntityIdList,
  formatSdrInfo,
  recordOfEntity,
  type EntityFilter,
  formatSdrList,
  formatSensorTypeList,
  sdrCsvOtherLine,
  sdrCsvSensorLine,
  sdrElistSensorLine,
  sdrOtherLine,
  type SdrFilter,
} from '../format/sdr';
import { refusalCode } from './cc-failure';
import { ipmitoolCcText } from '../format/completion-code';
import { CACHE_USAGE, findById, sdrRecords, takeCacheFlag } from './sdr-source';
import { sdrGetCsvLine, sdrGetOtherBlock, sdrGetSensorBlock } from '../format/sdr-verbose';
import { getSensorEventEnable, getSensorEventStatus } from '../../ipmi/commands/sensor/sensor-thresholds';
import { sdrDump } from './sdr-dump';
import { entityIdName } from '../../ipmi/decode/entity-ids';

const FILTERS: Record<string, SdrFilter> = {
  all: 'all',
  full: 'full',
  compact: 'compact',
  event: 'event',
  mcloc: 'mcloc',
  fru: 'fru',
  generic: 'generic',
};

const USAGE = `usage: sdr <command> [options]
               list | elist [option]
                     all           All SDR Records
                     full          Full Sensor Record
                     compact       Compact Sensor Record
                     event         Event-Only Sensor Record
                     mcloc         Management Controller Locator Record
                     fru           FRU Locator Record
                     generic       Generic Device Locator Record

               type [option]
                     <Sensor_Type> Retrieve the state of specified sensor.
                                   Sensor_Type can be specified either as
                                   a string or a hex value.
                     list          Get a list of available sensor types

               get <Sensor_ID>
                     Retrieve state of the first sensor matched by Sensor_ID

               info
                     Display information about the repository itself

               entity <Entity_ID>[.<Instance_ID>]
                     Display all sensors associated with an entity

               dump <file>
                     Dump raw SDR data to a file

${CACHE_USAGE}
`;

async function snapshots(
  ctx: CliContext,
  records: SdrRecord[],
  filter: (r: SdrRecord) => boolean,
): Promise<Map<number, SensorSnapshot>> {
  const r = await ctx.session();
  const snaps = await readAllSensors(r, records.filter(filter));
  return new Map(snaps.map((s) => [s.record.recordId, s]));
}

async function list(
  ctx: CliContext,
  noCache: boolean,
  extended: boolean,
  filter: SdrFilter,
): Promise<number> {
  const r = await ctx.session();
  const records = await sdrRecords(ctx, r, noCache);
  const wanted = (rec: SdrRecord) =>
    (rec.kind === 'full' || rec.kind === 'compact') &&
    (filter === 'all' || filter === 'sensors' || filter === rec.kind);
  ctx.out(formatSdrList(records, await snapshots(ctx, records, wanted), filter, extended, ctx.csv));
  return 0;
}

async function byType(ctx: CliContext, noCache: boolean, type: string | undefined): Promise<number> {
  if (type === undefined || type === 'help' || type === 'list') {
    ctx.out(formatSensorTypeList());
    return 0;
  }
  const code = /^0x[0-9a-f]{1,2}$/i.test(type) ? parseInt(type, 16) : sensorTypeByName(type);
  if (code === undefined || code === 0 || code >= 0x2c) {
    ctx.err(`Sensor Type "${type}" not found.\n`);
    ctx.out(formatSensorTypeList());
    return 0;
  }
  const r = await ctx.session();
  const records = await sdrRecords(ctx, r, noCache);
  const matching = records.filter(
    (rec) =>
      (rec.kind === 'full' || rec.kind === 'compact' || rec.kind === 'event-only') && rec.sensorType === code,
  );
  await printExtended(ctx, matching);
  return 0;
}

/** The records in `sdr elist` form (or `-c` form), as `sdr type` and `sdr entity` print them. */
async function printExtended(ctx: CliContext, matching: SdrRecord[]): Promise<void> {
  const snaps = await snapshots(ctx, matching, (rec) => rec.kind === 'full' || rec.kind === 'compact');
  let out = '';
  for (const rec of matching) {
    const s = snaps.get(rec.recordId);
    if (ctx.csv) out += s ? sdrCsvSensorLine(s, true) : (sdrCsvOtherLine(rec) ?? '');
    else out += s ? sdrElistSensorLine(s) : (sdrOtherLine(rec, true) ?? '');
  }
  ctx.out(out);
}

/** sscanf("%u") on a prefix: optional blanks and sign, then digits; the value wraps like C's unsigned. */
function scanUnsigned(s: string): { value: number; rest: string } | undefined {
  const m = /^\s*([+-]?)(\d+)/.exec(s);
  if (!m) return undefined;
  const n = Number(BigInt(m[2]!) % 2n ** 32n);
  return { value: m[1] === '-' ? (2 ** 32 - n) % 2 ** 32 : n, rest: s.slice(m[0].length) };
}

/**
 * ipmitool's entity argument: "<id>.<instance>", "<id>" (all instances) or an entity name (any case).
 * Like ipmitool, a name that appears twice in its table means the later code ("Processor" is 0x41,
 * "Air Inlet" 0x40, not 0x03 / 0x37), and the numbers are truncated to the record fields (8-bit ID,
 * 7-bit instance, where 127 means every instance).
 */
export function parseEntity(arg: string): EntityFilter | undefined {
  const id = scanUnsigned(arg);
  if (id) {
    const inst = id.rest.startsWith('.') ? scanUnsigned(id.rest.slice(1)) : undefined;
    const instance = inst ? inst.value & 0x7f : 0x7f;
    return { id: id.value & 0xff, instance: instance === 0x7f ? undefined : instance };
  }
  let found: number | undefined;
  for (const code of ENTITY_ID_CODES)
    if (entityIdName(code).toLowerCase() === arg.toLowerCase()) found = code;
  return found === undefined ? undefined : { id: found, instance: undefined };
}

async function entity(ctx: CliContext, noCache: boolean, arg: string | undefined): Promise<number> {
  if (arg === undefined || arg.toLowerCase() === 'help' || arg.toLowerCase() === 'list') {
    ctx.out(formatEntityIdList());
    return 0;
  }
  const f = parseEntity(arg);
  if (!f) {
    ctx.err(`Invalid entity: ${arg}\n`);
    return 1;
  }
  const r = await ctx.session();
  const records = await sdrRecords(ctx, r, noCache);
  await printExtended(
    ctx,
    records.filter((rec) => recordOfEntity(rec, f)),
  );
  return 0;
}

async function info(ctx: CliContext): Promise<number> {
  const r = await ctx.session();
  try {
    ctx.out(formatSdrInfo(await getSdrRepositoryInfo(r), { tz: ctx.env?.TZ }));
    return 0;
  } catch (e) {
    const cc = refusalCode(e);
    if (cc === undefined) throw e;
    ctx.err(`Get SDR Repository Info command failed: ${ipmitoolCcText(cc)}\n`);
    return 1;
  }
}

/**
 * `sdr get <id>...`: each record's verbose block. ipmitool 1.8.19 exits 0 when an ID is not found
 * (it only reports "Unable to find sensor id"); a script checking `sdr get X` needs to know, so we exit
 * 1 then, as `sensor get` does. Everything else matches ipmitool.
 */
async function get(ctx: CliContext, noCache: boolean, ids: string[]): Promise<number> {
  if (ids.length === 0) {
    ctx.err('No Sensor ID supplied\n');
    return 1;
  }
  const r = await ctx.session();
  const records = await sdrRecords(ctx, r, noCache);
  let rc = 0;
  for (const id of ids) {
    const rec = findById(records, id);
    if (!rec) {
      ctx.err(`Unable to find sensor id '${id}'\n`);
      rc = 1;
      continue;
    }
    if (rec.kind !== 'full' && rec.kind !== 'compact') {
      ctx.out(sdrGetOtherBlock(rec) ?? '');
      continue;
    }
    const addr = { number: rec.number, ownerLun: rec.ownerLun };
    if (ctx.csv) {
      ctx.out(sdrGetCsvLine(await readSensor(r, rec)));
      continue;
    }
    // ipmitool asks for the event status and enable of every sensor it prints verbosely
    const [snap, eventStatus, eventEnable] = await Promise.all([
      readSensor(r, rec),
      getSensorEventStatus(r, addr),
      getSensorEventEnable(r, addr),
    ]);
    ctx.out(sdrGetSensorBlock(snap, { eventStatus, eventEnable }));
  }
  return rc;
}

export const sdrCommand: CliCommand = {
  name: 'sdr',
  usage: USAGE,
  async run(ctx, args) {
    const { noCache, rest } = takeCacheFlag(args);
    const [sub, arg] = rest;
    if (sub === undefined) return list(ctx, noCache, false, 'sensors');
    if (sub === 'help') {
      ctx.err(USAGE);
      return 0;
    }
    if (sub === 'list' || sub === 'elist') {
      if (arg === undefined) return list(ctx, noCache, sub === 'elist', 'sensors');
      const f = FILTERS[arg];
      if (f) return list(ctx, noCache, sub === 'elist', f);
      if (arg === 'help') {
        ctx.err(`usage: sdr ${sub} [all|full|compact|event|mcloc|fru|generic]\n`);
        return 0;
      }
      ctx.err(
        `Invalid SDR ${sub} command: ${arg}\nusage: sdr ${sub} [all|full|compact|event|mcloc|fru|generic]\n`,
      );
      return 1;
    }
    if (sub === 'type') return byType(ctx, noCache, arg === undefined ? undefined : rest.slice(1).join(' '));
    if (sub === 'entity') return entity(ctx, noCache, arg);
    if (sub === 'dump') return sdrDump(ctx, noCache, arg);
    if (sub === 'get') return get(ctx, noCache, rest.slice(1));
    if (sub === 'info') return info(ctx);
    ctx.err(`Invalid SDR command: ${sub}\n`);
    return 1;
  },
};
