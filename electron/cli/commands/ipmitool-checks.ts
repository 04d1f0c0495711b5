// ipmitool's argument checks (lib/helper.c is_ipmi_channel_num, is_ipmi_user_id,
// is_ipmi_user_priv_limit, eval_ccode) with their exact messages. Each returns undefined after printing
// the message, so a bad argument ends the command before anything is sent.
import { isIpmiError } from '../../ipmi/errors';
import type { CliContext } from '../context';
import { ipmitoolCcText } from '../format/completion-code';
import { parseIpmitoolUint } from '../ipmitool-number';

export function channelArg(ctx: CliContext, text: string): number | undefined {
  const n = parseIpmitoolUint(text, 0xff);
  if (n !== undefined && (n <= 0x0b || n === 0x0e || n === 0x0f)) return n;
  ctx.err(
    `Given Channel number '${text}' is either invalid or out of range.\nChannel number must be from ranges: <0x0..0xB>, <0xE..0xF>\n`,
  );
  return undefined;
}

export function userIdArg(ctx: CliContext, text: string): number | undefined {
  const n = parseIpmitoolUint(text, 0xff);
  if (n !== undefined && n >= 1 && n <= 63) return n;
  ctx.err(
    `Given User ID '${text}' is either invalid or out of range.\nUser ID is limited to range <1..63>.\n`,
  );
  return undefined;
}

export function privilegeLimitArg(ctx: CliContext, text: string): number | undefined {
  const n = parseIpmitoolUint(text, 0xff);
  if (n !== undefined && ((n >= 1 && n <= 5) || n === 0x0f)) return n;
  ctx.err(
    `Given Privilege Limit '${text}' is invalid.\nPrivilege Limit is limited to <0x1..0x5> and <0xF>.\n`,
  );
  return undefined;
}

/** A BMC refusal prints ipmitool's "IPMI command failed: <text>" and yields the code; anything else rethrows. */
export async function evalCcode<T>(
  ctx: CliContext,
  fn: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; code: number }> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (
      isIpmiError(e) &&
      e.completionCode !== undefined &&
      (e.kind === 'completion-code' || e.kind === 'privilege')
    ) {
      ctx.err(`IPMI command failed: ${ipmitoolCcText(e.completionCode)}\n`);
      return { ok: false, code: e.completionCode };
    }
    throw e;
  }
}
