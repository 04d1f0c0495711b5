// `sol info` and `sol set` as ipmitool 1.8.19 has them (lib/ipmi_sol.c ipmi_print_sol_info,
// ipmi_sol_set_param). Kept apart from SOL activation (the console itself), which has its own module.
import { isIpmiError } from '../../ipmi/errors';
import {
  readSolConfiguration,
  setSolParam,
  setSolSetting,
  SOL_BIT_RATE,
  type SolSetting,
} from '../../ipmi/commands/transport/sol-config';
import type { CliContext } from '../context';
import { ipmitoolCcText } from '../format/completion-code';
import { formatSolInfo, formatSolInfoNotices } from '../format/sol';
import { solConfigurationView } from '../../views/sol';
import { parseIpmitoolUint } from '../ipmitool-number';
import { channelArg } from './ipmitool-checks';

const CURRENT_CHANNEL = 0x0e;

export const SOL_SET_USAGE = `
SOL set parameters and values: 

  set-in-progress             set-complete | set-in-progress | commit-write
  enabled                     true | false
  force-encryption            true | false
  force-authentication        true | false
  privilege-level             user | operator | admin | oem
  character-accumulate-level  <in 5 ms increments>
  character-send-threshold    N
  retry-count                 N
  retry-interval              <in 10 ms increments>
  non-volatile-bit-rate       serial | 9.6 | 19.2 | 38.4 | 57.6 | 115.2
  volatile-bit-rate           serial | 9.6 | 19.2 | 38.4 | 57.6 | 115.2

`;

export async function solInfo(ctx: CliContext, args: string[], usage: () => number): Promise<number> {
  let channel = CURRENT_CHANNEL;
  if (args.length === 2) {
    const c = channelArg(ctx, args[1]!);
    if (c === undefined) return 1;
    channel = c;
  } else if (args.length !== 1) return usage();
  const r = await ctx.session();
  try {
    const cfg = solConfigurationView(channel, await readSolConfiguration(r, channel));
    const port = ctx.options.port ?? 623;
    ctx.err(formatSolInfoNotices(cfg, channel, port));
    ctx.out(formatSolInfo(cfg, channel, port));
    return 0;
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.err(`Error requesting SOL parameter: ${ipmitoolCcText(e.completionCode)}\n`);
      return 1;
    }
    throw e;
  }
}

const BOOL: Record<string, boolean> = { true: true, false: false };
const PRIV: Record<string, 2 | 3 | 4 | 5> = { user: 2, operator: 3, admin: 4, oem: 5 };
const NUMERIC: Record<string, [number, number]> = {
  'character-accumulate-level': [1, 255],
  'character-send-threshold': [0, 255],
  'retry-count': [0, 7],
  'retry-interval': [0, 255],
};

/** Parses `<param> <value>` into a setting; prints ipmitool's message and returns undefined if invalid. */
export function parseSolSetting(
  ctx: CliContext,
  param: string,
  value: string,
): SolSetting | 'set-in-progress' | undefined {
  switch (param) {
    case 'enabled':
    case 'force-encryption':
    case 'force-authentication': {
      const b = BOOL[value];
      if (b === undefined) {
        ctx.err(`Invalid value ${value} for parameter ${param}\nValid values are true and false\n`);
        return undefined;
      }
      return { name: param, value: b };
    }
    case 'privilege-level': {
      const p = PRIV[value];
      if (p === undefined) {
        ctx.err(
          `Invalid value ${value} for parameter ${param}\nValid values are user, operator, admin, and oem\n`,
        );
        return undefined;
      }
      return { name: param, value: p };
    }
    case 'character-accumulate-level':
    case 'character-send-threshold':
    case 'retry-count':
    case 'retry-interval': {
      const [min, max] = NUMERIC[param]!;
      const n = parseIpmitoolUint(value, 0xff);
      if (n === undefined || n < min || n > max) {
        ctx.err(`Invalid value ${value} for parameter ${param}\nValid values are ${min}-${max}\n`);
        return undefined;
      }
      return { name: param, value: n };
    }
    case 'non-volatile-bit-rate':
    case 'volatile-bit-rate': {
      const code = SOL_BIT_RATE[value];
      if (code === undefined) {
        ctx.err(
          `Invalid value "${value}" for parameter "${param}"\nValid values are serial, 9.6 19.2, 38.4, 57.6 and 115.2\n`,
        );
        return undefined;
      }
      return { name: param, value: code };
    }
    case 'set-in-progress':
      if (!['set-complete', 'set-in-progress', 'commit-write'].includes(value)) {
        ctx.err(
          `Invalid value ${value} for parameter ${param}\nValid values are set-complete, set-in-progress and commit-write\n`,
        );
        return undefined;
      }
      return 'set-in-progress';
    default:
      ctx.err(`Error: invalid SOL parameter ${param}\n`);
      return undefined;
  }
}

const SET_CC: Record<number, string> = {
  0x80: 'Parameter not supported',
  0x81: 'Attempt to set set-in-progress when not in set-complete state',
  0x82: 'Attempt to write read-only parameter',
  0x83: 'Attempt to read write-only parameter',
};

export async function solSet(ctx: CliContext, args: string[]): Promise<number> {
  let channel = CURRENT_CHANNEL;
  if (args.length === 4 && args[3] !== 'noguard') {
    const c = channelArg(ctx, args[3]!);
    if (c === undefined) return 1;
    channel = c;
  } else if (args.length === 5) {
    const c = channelArg(ctx, args[3]!);
    if (c === undefined) return 1;
    channel = c;
  } else if (args.length !== 3 && args.length !== 4) {
    ctx.err(SOL_SET_USAGE);
    return 1;
  }
  const [param, value] = [args[1]!, args[2]!];
  const setting = parseSolSetting(ctx, param, value);
  if (setting === undefined) return 1;
  const r = await ctx.session();
  try {
    if (setting === 'set-in-progress') {
      const code = { 'set-complete': 0, 'set-in-progress': 1, 'commit-write': 2 }[value]!;
      await setSolParam(r, channel, 'setInProgress', Uint8Array.of(code));
    } else await setSolSetting(r, channel, setting);
    return 0;
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      const text = SET_CC[e.completionCode];
      ctx.err(
        text
          ? `Error setting SOL parameter '${param}': ${text}\n`
          : `Error setting SOL parameter '${param}' to '${value}': ${ipmitoolCcText(e.completionCode)}\n`,
      );
      return 1;
    }
    throw e;
  }
}
