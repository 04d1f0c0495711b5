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
import { formatSelLine, type SelSensorLookup } from '../format/sel';
import { selSensorLookup } from '../format/sel-sensor-lookup';
import { ipmitoolCcText } from '../format/completion-code';
import { cliSdrRecords } from './sdr-source';
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
  private lookup: SelSensorLookup | undefined;
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
    this.lookup ??= selSensorLookup(await sdrOrNone(this.ctx, this.r));
    const rec = eventAsSelRecord(ev);
    this.ctx.out(
      formatSelLine(rec, {
        tz: this.ctx.env?.TZ,
        lookup: this.lookup,
        csv: this.ctx.csv === true,
        oem: await this.oem.text(rec),
      }),
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

/** `event <sensorid> ...`: only the lookup is done; building an event from a sensor state is not. */
async function fromSensor(ctx: CliContext, id: string): Promise<number> {
  ctx.out(`Finding sensor ${id}... `);
  const r = await ctx.session();
  const records = await cliSdrRecords(ctx, r)();
  if (!records.some((rec) => recordName(rec) === id)) {
    ctx.out('not found!\n');
    return 1;
  }
  ctx.out('ok\n');
  ctx.err('event <sensorid> <state>: not supported by bmcdesk yet; use event file\n');
  return 1;
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
    return fromSensor(ctx, first);
  },
};
