// `session info active|all|id N|handle N` as ipmitool 1.8.19 has it (lib/ipmi_session.c): texts, the
// order of checks and exit statuses follow ipmitool.
import type { CliCommand, CliContext } from '../context';
import { isIpmiError } from '../../ipmi/errors';
import {
  decodeSessionInfo,
  getSessionInfoRaw,
  type SessionSelector,
} from '../../ipmi/commands/app/get-session-info';
import { formatSessionInfo } from '../format/session';
import { sessionSlotView } from '../../views/session-info';
import { ipmitoolCcText } from '../format/completion-code';
import { str2ulong } from '../str2uchar';

const USAGE = 'Session Commands: info <active | all | id 0xnnnnnnnn | handle 0xnn>\n';

/** One request; prints the session or ipmitool's failure lines. */
async function one(ctx: CliContext, sel: SessionSelector): Promise<number> {
  const r = await ctx.session();
  let failure: string;
  try {
    const rsp = await getSessionInfoRaw(r, sel);
    if (rsp.completionCode === 0) {
      ctx.out(formatSessionInfo(sessionSlotView(decodeSessionInfo(rsp.data, r.host)), ctx.csv === true));
      return 0;
    }
    failure = `Get Session Info command failed: ${ipmitoolCcText(rsp.completionCode)}\n`;
  } catch (e) {
    if (!isIpmiError(e) || e.kind !== 'timeout') throw e;
    failure = 'Get Session Info command failed\n';
  }
  ctx.err(failure);
  // ipmitool compares the interface name with "lan", so lanplus gets the hint too.
  if (sel.kind === 'current' && ctx.options.interface !== 'lan')
    ctx.err('It is likely that the channel in use does not support sessions\n');
  return 1;
}

/** Slots 1..slot count; an empty or unknown slot (0xCB/0xCC with no data) ends the walk with status 1,
 *  as in ipmitool. */
async function all(ctx: CliContext): Promise<number> {
  const r = await ctx.session();
  let slots = 0;
  for (let i = 1; ; i++) {
    let rsp;
    try {
      rsp = await getSessionInfoRaw(r, { kind: 'index', index: i });
    } catch (e) {
      if (!isIpmiError(e) || e.kind !== 'timeout') throw e;
      ctx.err('Get Session Info command failed\n');
      return 1;
    }
    const cc = rsp.completionCode;
    if (cc !== 0 && cc !== 0xcc && cc !== 0xcb) {
      ctx.err(`Get Session Info command failed: ${ipmitoolCcText(cc)}\n`);
      return 1;
    }
    if (rsp.data.length < 3) return 1;
    const info = decodeSessionInfo(rsp.data, r.host);
    ctx.out(formatSessionInfo(sessionSlotView(info), ctx.csv === true));
    slots = info.slotCount;
    // the selector byte cannot go past 0xFD; ipmitool's loop is bounded by the 6-bit slot count
    if (i >= slots || i >= 0xfd) return 0;
  }
}

function number(ctx: CliContext, text: string | undefined, what: 'id' | 'handle'): number | undefined {
  if (text === undefined) {
    ctx.err(`Missing ${what} argument\n${USAGE}`);
    return undefined;
  }
  const v = str2ulong(text);
  if (v === undefined || v > 0xffffffffn) {
    ctx.err(`HEX number expected, but '${text}' given.\n${USAGE}`);
    return undefined;
  }
  return Number(v);
}

export const sessionCommand: CliCommand = {
  name: 'session',
  usage: 'session info active | all | id 0xnnnnnnnn | handle 0xnn',
  async run(ctx, args) {
    const [sub, what, arg] = args;
    if (sub === undefined || sub === 'help') {
      ctx.err(USAGE);
      return 0;
    }
    if (sub !== 'info') {
      ctx.err(`Invalid SESSION command: ${sub}\n${USAGE}`);
      return 1;
    }
    if (what === undefined || what === 'help') {
      ctx.err(USAGE);
      return 0;
    }
    switch (what) {
      case 'active':
        return one(ctx, { kind: 'current' });
      case 'all':
        return all(ctx);
      case 'id':
      case 'handle': {
        const n = number(ctx, arg, what);
        if (n === undefined) return 1;
        // ipmitool sends the low byte of a handle given as a 32-bit number
        return one(ctx, what === 'id' ? { kind: 'id', id: n } : { kind: 'handle', handle: n & 0xff });
      }
      default:
        ctx.err(`Invalid SESSION info parameter: ${what}\n${USAGE}`);
        return 1;
    }
  },
};
