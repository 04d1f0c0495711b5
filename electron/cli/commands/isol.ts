// `isol info|set|activate`: IPMI v1.5 Serial over LAN as ipmitool 1.8.19 has it (lib/ipmi_isol.c), same
// text and exit codes. On a BMC without IPMI 1.5 SOL (0xC1, ipmi_sim and most IPMI 2.0 BMCs) every
// sub-command ends with ipmitool's "not supported" line. Differences, each on purpose:
//  - `isol set` checks its parameter and value before it talks to the BMC; ipmitool reads the
//    configuration first, so on a BMC without ISOL it reports "not supported" even for a typo.
//  - `isol activate` goes as far as ipmitool's checks (configuration readable, ISOL enabled) and then
//    stops with a message: the ISOL data stream is not implemented (no BMC here has IPMI 1.5 SOL to
//    test it against); `sol activate` is the IPMI 2.0 console.
import {
  getIsolConfig,
  isolUnsupported,
  isolWriteValue,
  parseIsolSetting,
  setIsolParam,
  type IsolConfig,
  type IsolSetting,
} from '../../ipmi/commands/transport/isol';
import type { Requester } from '../../ipmi/client/requester';
import { isIpmiError } from '../../ipmi/errors';
import type { CliCommand, CliContext } from '../context';
import { ipmitoolCcText } from '../format/completion-code';
import { formatIsolInfo } from '../format/isol';

const USAGE = 'ISOL Commands: info\n               set <parameter> <setting>\n               activate\n';
const SET_USAGE =
  '\nISOL set parameters and values: \n\n' +
  '  enabled                     true | false\n' +
  '  privilege-level             user | operator | admin | oem\n' +
  '  bit-rate                    9.6 | 19.2 | 38.4 | 57.6 | 115.2\n\n';
const NOT_SUPPORTED = 'IPMI v1.5 Serial Over Lan (ISOL) not supported!\n';

/** The configuration, or undefined after printing ipmitool's message for a refusal. */
async function readConfig(ctx: CliContext, r: Requester): Promise<IsolConfig | undefined> {
  try {
    return await getIsolConfig(r);
  } catch (e) {
    if (isolUnsupported(e)) {
      ctx.err(NOT_SUPPORTED);
      return undefined;
    }
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.err(`Error in Get ISOL Config Command: ${ipmitoolCcText(e.completionCode)}\n`);
      return undefined;
    }
    throw e;
  }
}

async function set(ctx: CliContext, name: string, value: string): Promise<number> {
  let setting: IsolSetting;
  try {
    setting = parseIsolSetting(name, value);
  } catch (e) {
    if (isIpmiError(e) && e.kind === 'argument') {
      ctx.err(e.message + '\n');
      return 1;
    }
    throw e;
  }
  const r = await ctx.session();
  const cur = await readConfig(ctx, r);
  if (!cur) return 1;
  try {
    await setIsolParam(r, setting.param, isolWriteValue(setting, cur));
    return 0;
  } catch (e) {
    if (isIpmiError(e) && e.completionCode !== undefined) {
      ctx.err(`Error setting ISOL parameter '${name}': ${ipmitoolCcText(e.completionCode)}\n`);
      return 1;
    }
    throw e;
  }
}

async function activate(ctx: CliContext): Promise<number> {
  const cur = await readConfig(ctx, await ctx.session());
  if (!cur) return 1;
  if (!cur.enabled) {
    ctx.err('ISOL is not enabled!\n');
    return 1;
  }
  ctx.err('isol activate: the IPMI v1.5 SOL data stream is not implemented; use `sol activate`\n');
  return 1;
}

export const isolCommand: CliCommand = {
  name: 'isol',
  usage: USAGE,
  async run(ctx, args) {
    const [sub, a1, a2] = args;
    if (sub === undefined || sub === 'help') {
      ctx.err(USAGE);
      return 0;
    }
    if (sub === 'info') {
      const cur = await readConfig(ctx, await ctx.session());
      if (!cur) return 1;
      ctx.out(formatIsolInfo(cur, ctx.csv === true));
      return 0;
    }
    if (sub === 'set') {
      if (a1 === undefined || a2 === undefined) {
        ctx.err(SET_USAGE);
        return 1;
      }
      return set(ctx, a1, a2);
    }
    if (sub === 'activate') return activate(ctx);
    ctx.err(USAGE);
    return 1;
  },
};
