// ipmitool reports a BMC refusal as "<what> failed: <completion-code text>" and keeps going; other
// failures (no answer, broken session) end the run with runCli's one-line error.
import { isIpmiError } from '../../ipmi/errors';
import { ipmitoolCcText } from '../format/completion-code';
import type { CliContext } from '../context';

/** The completion code of a BMC refusal, or undefined for every other failure. */
export function refusalCode(e: unknown): number | undefined {
  if (isIpmiError(e) && (e.kind === 'completion-code' || e.kind === 'privilege')) return e.completionCode;
  return undefined;
}

/**
 * Runs `fn`; a BMC refusal prints `<prefix>: <text>` on stderr and resolves to undefined.
 * `specific` overrides the text for command-specific codes, as ipmitool's specific_val2str does.
 */
export async function orRefusal<T>(
  ctx: CliContext,
  prefix: string,
  fn: () => Promise<T>,
  specific: Record<number, string> = {},
): Promise<{ value: T } | { refused: number }> {
  try {
    return { value: await fn() };
  } catch (e) {
    const code = refusalCode(e);
    if (code === undefined) throw e;
    ctx.err(`${prefix}: ${specific[code] ?? ipmitoolCcText(code)}\n`);
    return { refused: code };
  }
}
