// `sel get <id>...` as ipmitool 1.8.19 has it (lib/ipmi_sel.c ipmi_sel_show_entry): each record in
// full, then - when the SDR describes its sensor - the sensor as `sensor get` shows it (or its `-c`
// line), and the FRU devices located at the sensor's entity. Exit status 1 if any ID failed.
import type { CliContext } from '../context';
import type { Requester } from '../../ipmi/client/requester';
import { getSelEntry } from '../../ipmi/commands/storage/sel';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import type { FruDeviceLocator } from '../../ipmi/decode/sdr/locator-records';
import { isThresholdSensor } from '../../ipmi/decode/sdr/sdr-record';
import { readSensor } from '../../ipmi/commands/sensor/sensor-snapshot';
import { getSensorEventEnable, getSensorEventStatus } from '../../ipmi/commands/sensor/sensor-thresholds';
import {
  eventOnlyVerbose,
  isEmptySelRecord,
  selEntryExtendedVerbose,
  selEntryVerbose,
  SEL_GET_SEPARATOR,
  standardView,
} from '../format/sel-get';
import { sensorCsvLine, sensorGetBlock } from '../format/sensor';
import type { TimeOptions } from '../format/ipmi-time';
import { SelOem } from './sel-oem';
import { matchSelSdr, selEventView } from '../../views/sel-event';
import { fruDeviceText } from './fru';
import { failureText } from './sel-failure';
import { cliSdrRecords } from './sdr-source';

const BMC_ADDRESS = 0x20;

/** str2ushort: strtol(…, 0) over the whole argument, 0-65535. */
export function parseSelId(text: string): number | undefined {
  const t = text.trim();
  let n: number;
  if (/^\+?0x[0-9a-f]+$/i.test(t)) n = parseInt(t.replace('+', ''), 16);
  else if (/^\+?0[0-7]*$/.test(t)) n = parseInt(t.replace('+', ''), 8);
  else if (/^\+?[1-9][0-9]*$/.test(t)) n = parseInt(t.replace('+', ''), 10);
  else return undefined;
  return n >= 0 && n <= 0xffff ? n : undefined;
}

async function sensorText(ctx: CliContext, r: Requester, rec: SdrRecord): Promise<string> {
  if (rec.kind === 'event-only') return eventOnlyVerbose(rec);
  if (rec.kind !== 'full' && rec.kind !== 'compact') return '';
  const threshold = isThresholdSensor(rec);
  const addr = { number: rec.number, ownerLun: rec.ownerLun };
  const snap = await readSensor(r, rec, { thresholds: true });
  // ipmitool runs sel get verbose: a crossed threshold reads in words (Upper Critical), not "cr"
  if (ctx.csv) return sensorCsvLine(snap, { verbose: true });
  // ipmitool reads the event status and enables only for threshold sensors; a refusal leaves them out
  const [eventStatus, eventEnable] = threshold
    ? await Promise.all([
        getSensorEventStatus(r, addr).catch(() => undefined),
        getSensorEventEnable(r, addr).catch(() => undefined),
      ])
    : [undefined, undefined];
  return sensorGetBlock(snap, { eventStatus, eventEnable });
}

/** ipmi_fru_print for one FRU device locator (stdout, stderr). */
async function fruText(ctx: CliContext, r: Requester, rec: FruDeviceLocator): Promise<[string, string]> {
  if (
    rec.deviceType !== 0x10 &&
    (rec.deviceTypeModifier !== 0x02 || rec.deviceType < 0x08 || rec.deviceType > 0x0f)
  )
    return ['', ''];
  // the locator holds the 7-bit address; ipmitool compares the stored byte with the BMC's 0x20
  const slaveAddress = rec.accessAddress << 1;
  if (slaveAddress === BMC_ADDRESS && rec.fruDeviceId === 0) return ['', ''];
  let out = `FRU Device Description : ${rec.id} (ID ${rec.fruDeviceId})\n`;
  let err = '';
  if ((rec.deviceTypeModifier === 0x00 || rec.deviceTypeModifier === 0x02) && slaveAddress === BMC_ADDRESS) {
    const dev = await fruDeviceText(r, rec.fruDeviceId, { tz: ctx.env?.TZ, verbose: ctx.verbose ?? 0 });
    out += dev.stdout;
    err = dev.stderr;
  } else if (ctx.verbose) {
    // Bridged FRU devices behind other controllers and DIMM SPD data are not read yet.
    out += ` Unsupported device 0x${rec.fruDeviceId.toString(16).padStart(2, '0')} type 0x${rec.deviceType.toString(16).padStart(2, '0')} with modifier 0x${rec.deviceTypeModifier.toString(16).padStart(2, '0')}\n`;
  } else out += ' Unsupported device\n';
  return [out + '\n', err];
}

export async function selGet(ctx: CliContext, ids: string[], time: TimeOptions): Promise<number> {
  if (ids.length === 0) {
    ctx.err('usage: sel get <entry>\n');
    return 0;
  }
  if (ids[0] === 'help') {
    ctx.err('usage: sel get <id>...<id>\n');
    return 1;
  }
  const r = await ctx.session();
  // the SDR as `sel elist` reads it: through the on-disk cache unless BMCDESK_SDR_CACHE=off
  const sdrRecords = cliSdrRecords(ctx, r);
  let sdr: Promise<SdrRecord[]> | undefined;
  const records = () => (sdr ??= sdrRecords());
  const oem = new SelOem(r, (t) => ctx.err(t));
  let rc = 0;
  for (let i = 0; i < ids.length; i++) {
    const text = ids[i]!;
    const id = parseSelId(text);
    if (id === undefined) {
      ctx.err(`Given SEL ID '${text}' is invalid.\n`);
      rc = 1;
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = (await getSelEntry(r, id)).bytes;
    } catch (e) {
      ctx.err(failureText(`Get SEL Entry ${id.toString(16)} command failed`, e) + '\n');
      rc = 1;
      continue;
    }
    if (isEmptySelRecord(bytes)) {
      ctx.err(`SEL Entry 0x${id.toString(16)} not found\n`);
      rc = 1;
      continue;
    }
    const v = standardView(bytes);
    const all = await records();
    const rec = matchSelSdr(all, v.generatorId, v.sensorNumber, v.sensorType);
    // vendor texts (Supermicro) apply to the standard records, whose description is printed
    const vendor = bytes[2]! < 0xc0 ? await oem.text(v) : undefined;
    const ev = selEventView(bytes, { vendor });
    ctx.out(rec ? selEntryExtendedVerbose(ev, rec, time) : selEntryVerbose(ev, time));
    if (!rec || (rec.kind !== 'full' && rec.kind !== 'compact' && rec.kind !== 'event-only')) continue;
    ctx.out(await sensorText(ctx, r, rec));
    for (const fru of all) {
      if (fru.kind !== 'fru-locator' || fru.entityId !== rec.entityId) continue;
      if (rec.entityInstance !== 0x7f && fru.entityInstance !== rec.entityInstance) continue;
      const [out, err] = await fruText(ctx, r, fru);
      ctx.out(out);
      ctx.err(err);
    }
    if (i < ids.length - 1) ctx.out(SEL_GET_SEPARATOR);
  }
  return rc;
}
