// `bmcdesk raw <netfn> <cmd> [data...]` (ipmitool lib/ipmi_raw.c). Numbers follow ipmitool's rules
// (hex "0x..", octal "0..", decimal; NetFn also by name). Unlike ipmitool, a NetFn above 0x3f is
// refused instead of being truncated into a different command, and nothing is sent for bad input.
import type { CliCommand, CliContext } from '../context';
import { rawRequest, RAW_MAX_DATA } from '../../ipmi/commands/raw/raw-request';
import { formatRawCompletionError, formatRawResponse, RAW_HELP } from '../format/raw';
import { str2uchar } from '../str2uchar';

const NETFN_NAMES: Record<string, number> = {
  chassis: 0x00,
  bridge: 0x02,
  sensorevent: 0x04,
  application: 0x06,
  firmware: 0x08,
  storage: 0x0a,
  transport: 0x0c,
};

export type RawParse =
  { ok: true; netFn: number; cmd: number; data: number[] } | { ok: false; stderr: string; code: number };

export function parseRawArgs(args: readonly string[]): RawParse {
  if (args.length === 1 && args[0] === 'help') return { ok: false, stderr: RAW_HELP, code: 0 };
  if (args.length < 2) return { ok: false, stderr: 'Not enough parameters given.\n' + RAW_HELP, code: 1 };
  if (args.length - 2 > RAW_MAX_DATA)
    return { ok: false, stderr: `Raw command input limit (${RAW_MAX_DATA} bytes) exceeded\n`, code: 1 };
  const invalid = (label: string, v: string): RawParse => ({
    ok: false,
    stderr: `Given ${label} "${v}" is invalid.\n`,
    code: 1,
  });
  const nf = args[0]!;
  let netFn = NETFN_NAMES[nf.toLowerCase()];
  if (netFn === undefined) {
    const n = str2uchar(nf);
    if (!n.ok) return invalid('netfn', nf);
    if (n.value > 0x3f) return { ok: false, stderr: `Given netfn "${nf}" is out of range.\n`, code: 1 };
    netFn = n.value;
  }
  const c = str2uchar(args[1]!);
  if (!c.ok) return invalid('command', args[1]!);
  const data: number[] = [];
  for (const a of args.slice(2)) {
    const b = str2uchar(a);
    if (!b.ok) return invalid('data', a);
    data.push(b.value);
  }
  return { ok: true, netFn, cmd: c.value, data };
}

export async function runRaw(ctx: CliContext, args: string[]): Promise<number> {
  const p = parseRawArgs(args);
  if (!p.ok) {
    ctx.err(p.stderr);
    return p.code;
  }
  const r = await ctx.session();
  const lun = ctx.lun ?? 0;
  const rsp = await rawRequest(r, { netFn: p.netFn, cmd: p.cmd, data: p.data, lun });
  if (rsp.completionCode !== 0) {
    ctx.err(
      formatRawCompletionError(
        { channel: ctx.options.target?.channel ?? 0, netFn: p.netFn, lun, cmd: p.cmd },
        rsp.completionCode,
      ),
    );
    return 1;
  }
  ctx.out(formatRawResponse(rsp.data));
  return 0;
}

export const rawCommand: CliCommand = { name: 'raw', usage: 'raw <netfn> <cmd> [data]\n', run: runRaw };
