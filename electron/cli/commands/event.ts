// `event 1|2|3` and `event file FILE` as ipmitool 1.8.19 has them (lib/ipmi_event.c): each event is
// first shown as the `sel elist` line it will become (record ID 0, "Pre-Init" stamp: the BMC assigns
// both), then sent as a Platform Event Message after ipmitool's Get Channel Info check.
import { readFile, stat } from 'node:fs/promises';
import type { CliCommand, CliContext } from '../context';
import type { Requester } from '../../ipmi/client/requester';
import { isIpmiError } from '../../ipmi/errors';
import {
  decodePlatformEvent,
  eventAsSelRecord,
  SAMPLE_EVENTS,
  sendPlatformEvent,
  SMS_GENERATOR_ID,
  type PlatformEvent,
} from '../../ipmi/commands/sensor/platform-event';
import {
  decodeChannelInfo,
  encodeGetChannelInfo,
  GET_CHANNEL_INFO,
} from '../../ipmi/commands/app/get-channel-info';
import { formatSelLine } from '../format/sel';
import { selEventView, selSdrMatcher, type SelSdrMatcher } from '../../views/sel-event';
import { encodeSystemEventRecord } from '../../ipmi/decode/sel-record';
import { ipmitoolCcText } from '../format/completion-code';
import { cliSdrRecords } from './sdr-source';
import { sensorRequest } from '../../ipmi/commands/sensor/sensor-reading';
import { CMD_GET_SENSOR_THRESHOLDS } from '../../ipmi/commands/sensor/sensor-thresholds';
import {
  decodeSensorHysteresis,
  getSensorHysteresisRaw,
} from '../../ipmi/commands/sensor/get-sensor-hysteresis';
import { SelOem } from './sel-oem';
import { refusalCode } from './cc-failure';
import { str2uchar } from '../str2uchar';
import { recordName, type SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { strerror } from '../format/sel-save';

const USAGE = [
  '',
  'usage: event <num>',
  '   Send generic test events',
  '   1 : Temperature - Upper Critical - Going High',
  '   2 : Voltage Threshold - Lower Critical - Going Low',
  '   3 : Memory - Correctable ECC',
  '',
  'usage: event file <filename>',
  '   Read and generate events from file',
  "   Use the 'sel save' command to generate from SEL",
  '',
  'usage: event <sensorid> <state> [event_dir]',
  '   sensorid  : Sensor ID string to use for event data',
  "   state     : Sensor state, use 'list' to see possible states for sensor",
  '   event_dir : assert, deassert [default=assert]',
  '',
]
  .map((l) => l + '\n')
  .join('');

const CHANNEL_CURRENT = 0x0e;
const MEDIUM_SYSTEM_INTERFACE = 0x0c;
const CHANNEL_SYSTEM = 0x0f;

/** The SDR records for sensor names; a BMC that refuses to hand out its SDR only costs the names (ipmitool
 *  also prints the event without them). */
async function sdrOrNone(ctx: CliContext, r: Requester): Promise<SdrRecord[]> {
  try {
    return await cliSdrRecords(ctx, r)();
  } catch (e) {
    if (refusalCode(e) === undefined) throw e;
    return [];
  }
}

class EventSender {
  private lookup: SelSdrMatcher | undefined;
  private readonly oem: SelOem;
  constructor(
    private readonly ctx: CliContext,
    private readonly r: Requester,
  ) {
    this.oem = new SelOem(r, (t) => ctx.err(t));
  }

  /** ipmi_current_channel_info: the channel this session uses, or undefined after ipmitool's message. */
  private async currentChannel(): Promise<{ channel: number; medium: number } | undefined> {
    let text: string | undefined;
    try {
      const rsp = await this.r.raw({
        netFn: GET_CHANNEL_INFO.netFn,
        cmd: GET_CHANNEL_INFO.cmd,
        data: encodeGetChannelInfo(CHANNEL_CURRENT),
      });
      if (rsp.completionCode === 0 && rsp.data.length === 9) return decodeChannelInfo(rsp.data, this.r.host);
      // 0xCC (the BMC cannot name its current channel) is silent in ipmitool
      if (rsp.completionCode === 0) text = 'Unexpected data length received.';
      else if (rsp.completionCode !== 0xcc)
        text = `Get Channel Info command failed: ${ipmitoolCcText(rsp.completionCode)}`;
    } catch (e) {
      if (!isIpmiError(e) || e.kind !== 'timeout') throw e;
      text = 'IPMI response is NULL.';
    }
    if (text) this.ctx.err(text + '\n');
    return undefined;
  }

  /** ipmi_send_platform_event: true when the BMC took it. */
  async send(ev: PlatformEvent): Promise<boolean> {
    const ch = await this.currentChannel();
    if (!ch) {
      this.ctx.err('Failed to send the platform event via an unknown channel\n');
      return false;
    }
    const system = ch.medium === MEDIUM_SYSTEM_INTERFACE || ch.channel === CHANNEL_SYSTEM;
    this.lookup ??= selSdrMatcher(await sdrOrNone(this.ctx, this.r));
    const rec = eventAsSelRecord(ev);
    this.ctx.out(
      formatSelLine(
        selEventView(encodeSystemEventRecord(rec), { sdr: this.lookup, vendor: await this.oem.text(rec) }),
        { tz: this.ctx.env?.TZ, csv: this.ctx.csv === true },
      ),
    );
    try {
      await sendPlatformEvent(this.r, ev, system ? SMS_GENERATOR_ID : undefined);
      return true;
    } catch (e) {
      const code = refusalCode(e);
      if (code !== undefined)
        this.ctx.err(`Platform Event Message command failed: ${ipmitoolCcText(code)}\n`);
      else if (isIpmiError(e) && e.kind === 'timeout')
        this.ctx.err('Platform Event Message command failed\n');
      else throw e;
      return false;
    }
  }
}

const hex2 = (n: number) => n.toString(16).padStart(2, '0');

/** The lines of an event file as ipmitool's fgets loop sees them (at most 1023 bytes per read). */
function fileLines(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/(?<=\n)/))
    for (let i = 0; i < line.length; i += 1023) out.push(line.slice(i, i + 1023));
  return out;
}

async function fromFile(ctx: CliContext, file: string): Promise<number> {
  try {
    await stat(file);
  } catch {
    ctx.err(`File ${file} does not exist\n`);
    return 1;
  }
  let text: string;
  try {
    text = (await readFile(file)).toString('latin1');
  } catch (e) {
    ctx.err(`Unable to open file ${file}: ${strerror(e)}\n`);
    return 1;
  }
  const sender = new EventSender(ctx, await ctx.session());
  let ok = true;
  for (const raw of fileLines(text)) {
    // a comment runs from '#' to the end of the line; blank lines are skipped
    const body = raw.split('#')[0]!.trim();
    if (body === '') continue;
    const bytes = new Uint8Array(7);
    let count = 0;
    for (const tok of body.split(' ').filter((t) => t !== '')) {
      if (count === 7) break;
      const v = str2uchar(tok);
      if (!v.ok) {
        ctx.err(`Invalid token in file: [${tok}]\n`);
        ok = false;
        break;
      }
      bytes[count++] = v.value;
    }
    if (count < 7) {
      ctx.err(`Invalid Event: ${Array.from(bytes, hex2).join('')}\n`);
      continue;
    }
    ok = await sender.send(decodePlatformEvent(bytes));
    if (!ok) break;
  }
  return ok ? 0 : 1;
}

const THRESHOLD_STATES = `Sensor States:
  lnr : Lower Non-Recoverable 
  lcr : Lower Critical
  lnc : Lower Non-Critical
  unc : Upper Non-Critical
  ucr : Upper Critical
  unr : Upper Non-Recoverable
`;

/** Threshold names to event offsets (table 42-2): the "going low" offset, "going high" is one more. */
const THRESHOLD_OFFSET: Record<string, number> = { lnc: 0, lcr: 2, lnr: 4, unc: 6, ucr: 8, unr: 10 };

/** The event a threshold crossing produces, trigger reading one hysteresis step past the threshold. */
export function thresholdEvent(
  sensor: { sensorType: number; number: number },
  state: keyof typeof THRESHOLD_OFFSET,
  deassert: boolean,
  thresholdRaw: number,
  hysteresis: number | undefined,
): PlatformEvent {
  const upper = state.startsWith('u');
  // asserting an upper threshold is "going high"; deasserting a lower one too
  const goingHigh = deassert ? !upper : upper;
  const offset = THRESHOLD_OFFSET[state]! + ((deassert ? !upper : upper) ? 1 : 0);
  const step = hysteresis !== undefined && hysteresis > 0 ? hysteresis : 1;
  const trigger = goingHigh ? Math.min(thresholdRaw + step, 0xff) : Math.max(thresholdRaw - step, 0);
  return {
    evmRevision: 4,
    sensorType: sensor.sensorType,
    sensorNumber: sensor.number,
    eventType: 0x01,
    deassertion: deassert,
    // 0x50: trigger reading in byte 2, trigger threshold in byte 3
    eventData: [0x50 | offset, trigger, thresholdRaw],
  };
}

/** `event <sensorid> <state> [assert|deassert]` (ipmi_event_fromsensor). Threshold sensors owned by
 *  the BMC are supported; discrete sensors are found but not built from a state name yet. */
async function fromSensor(ctx: CliContext, id: string, state?: string, dir?: string): Promise<number> {
  if (dir !== undefined && dir !== 'assert' && dir !== 'deassert') {
    ctx.err(`Invalid event direction ${dir}.  Must be 'assert' or 'deassert'\n`);
    return 1;
  }
  const deassert = dir === 'deassert';
  ctx.out(`Finding sensor ${id}... `);
  const r = await ctx.session();
  const rec = (await sdrOrNone(ctx, r)).find((x) => recordName(x) === id);
  if (!rec) {
    ctx.out('not found!\n');
    return 1;
  }
  ctx.out('ok\n');
  if (rec.kind !== 'full' && rec.kind !== 'compact') {
    ctx.err(`Unknown sensor type for id '${id}'\n`);
    return 1;
  }
  if (rec.eventReadingType !== 0x01) {
    ctx.err(`event ${id}: events for discrete sensors are not supported by bmcdesk yet; use event file\n`);
    return 1;
  }
  if (state === undefined || state === 'list') {
    ctx.out(THRESHOLD_STATES);
    return 1;
  }
  if (!(state in THRESHOLD_OFFSET)) {
    ctx.err(`Invalid threshold identifier ${state}\n`);
    return 1;
  }
  if (rec.ownerId !== 0x20) {
    ctx.err(
      `event ${id}: the sensor belongs to controller 0x${rec.ownerId.toString(16)}; bmcdesk does not bridge there yet\n`,
    );
    return 1;
  }
  const address = { number: rec.number, ownerLun: rec.ownerLun };
  const thr = await r.raw(sensorRequest(CMD_GET_SENSOR_THRESHOLDS, address));
  if (thr.completionCode !== 0 || thr.data.length < 7) {
    ctx.err(
      thr.completionCode !== 0
        ? `Command Get Sensor Thresholds failed: ${ipmitoolCcText(thr.completionCode)}\n`
        : 'Command Get Sensor Thresholds failed: invalid response.\n',
    );
    return 1;
  }
  const offset = THRESHOLD_OFFSET[state]!;
  // reply: mask, then lnc lcr lnr unc ucr unr - the offset's pair index + 1
  const raw = thr.data[offset / 2 + 1]!;
  const upper = state.startsWith('u');
  const goingHigh = deassert ? !upper : upper;
  const hys = await getSensorHysteresisRaw(r, address);
  const h = hys.completionCode === 0 ? decodeSensorHysteresis(hys.data) : undefined;
  const ev = thresholdEvent(rec, state, deassert, raw, h && (goingHigh ? h.positive : h.negative));
  return (await new EventSender(ctx, r).send(ev)) ? 0 : 1;
}

export const eventCommand: CliCommand = {
  name: 'event',
  usage: 'event 1 | 2 | 3 | file <filename>',
  async run(ctx, args) {
    const [first, second] = args;
    if (first === undefined || first === 'help') {
      ctx.err(USAGE);
      return 0;
    }
    if (first === 'file') {
      if (second === undefined) {
        ctx.err(USAGE);
        return 0;
      }
      return fromFile(ctx, second);
    }
    if (first === '1' || first === '2' || first === '3') {
      const sample = SAMPLE_EVENTS[Number(first) as 1 | 2 | 3];
      ctx.out(`Sending SAMPLE event: ${sample.title}\n`);
      return (await new EventSender(ctx, await ctx.session()).send(sample.event)) ? 0 : 1;
    }
    return fromSensor(ctx, first, second, args[2]);
  },
};
