// `sdr` family: list, elist, type, info (ipmitool 1.8.19 syntax and output).
import type { CliCommand, CliContext } from '../context';
import { getSdrRepositoryInfo } from '../../ipmi/commands/storage/sdr-repository';
import { readAllSensors, type SensorSnapshot } from '../../ipmi/commands/sensor/sensor-snapshot';
import { sensorTypeByName } from '../../ipmi/decode/sensor-types';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import {
  formatSdrInfo,
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
import { CACHE_USAGE, cliSdr, takeCacheFlag } from './sdr-source';

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

               info
                     Display information about the repository itself
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
  const { records } = await cliSdr(ctx, r, noCache);
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
  const { records } = await cliSdr(ctx, r, noCache);
  const matching = records.filter(
    (rec) =>
      (rec.kind === 'full' || rec.kind === 'compact' || rec.kind === 'event-only') && rec.sensorType === code,
  );
  const snaps = await snapshots(ctx, matching, (rec) => rec.kind === 'full' || rec.kind === 'compact');
  let out = '';
  for (const rec of matching) {
    const s = snaps.get(rec.recordId);
    if (ctx.csv) out += s ? sdrCsvSensorLine(s) : (sdrCsvOtherLine(rec) ?? '');
    else out += s ? sdrElistSensorLine(s) : (sdrOtherLine(rec, true) ?? '');
  }
  ctx.out(out);
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
    if (sub === 'info') return info(ctx);
    ctx.err(`Invalid SDR command: ${sub}\n`);
    return 1;
  },
};
