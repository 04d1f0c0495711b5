// `fru [print|list] [id]` as ipmitool 1.8.19 has it (lib/ipmi_fru.c ipmi_fru_main, ipmi_fru_print_all,
// __ipmi_fru_print). Checksum and truncation problems, which ipmitool does not check, go to stderr so
// stdout stays identical.
import type { CliCommand, CliContext } from '../context';
import type { Requester } from '../../ipmi/client/requester';
import { IpmiError } from '../../ipmi/errors';
import { completionCodeText } from '../../ipmi/message/completion-codes';
import { FruReader } from '../../ipmi/commands/storage/fru-inventory';
import { fruDevicesOf, readFruView } from '../../views/fru';
import { formatFruInventory, type FruFormatOptions } from '../format/fru';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { bmcSdrRecords } from './sdr-source';

export interface FruPrintResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** ipmitool's __ipmi_fru_print for one device: the areas, or " Device not present (...)". */
export async function fruDeviceText(
  r: Requester,
  id: number,
  opts: FruFormatOptions = {},
  reader = new FruReader(r),
): Promise<FruPrintResult> {
  try {
    const fru = await readFruView(r, id, reader);
    const stderr = fru.problems.map((p) => `Warning: FRU ${id} ${p.area}: ${p.message}\n`).join('');
    return { stdout: formatFruInventory(fru, opts), stderr, status: 0 };
  } catch (e) {
    if (e instanceof IpmiError && e.completionCode !== undefined)
      return {
        stdout: ` Device not present (${completionCodeText(e.completionCode)})\n`,
        stderr: '',
        status: 1,
      };
    if (e instanceof IpmiError && e.kind === 'timeout')
      return { stdout: ' Device not present (No Response)\n', stderr: '', status: 1 };
    if (e instanceof IpmiError && e.kind === 'protocol')
      return { stdout: '', stderr: ` ${e.message}\n`, status: 1 };
    throw e;
  }
}

/** `fru print` with no ID: the built-in FRU, then every logical FRU device locator in the SDR that
 *  `sdr` gives. */
export async function fruPrintAllText(
  r: Requester,
  sdr: () => Promise<SdrRecord[]>,
  opts: FruFormatOptions = {},
): Promise<FruPrintResult> {
  const reader = new FruReader(r);
  let stdout = 'FRU Device Description : Builtin FRU Device (ID 0)\n';
  let stderr = '';
  const builtin = await fruDeviceText(r, 0, opts, reader);
  stdout += builtin.stdout + '\n';
  stderr += builtin.stderr;
  let status = builtin.status;
  for (const d of fruDevicesOf(await sdr()).slice(1)) {
    if (d.kind === 'not-inventory') {
      status = 1;
      continue;
    }
    stdout += `FRU Device Description : ${d.name} (ID ${d.deviceId})\n`;
    if (d.kind === 'read') {
      const dev = await fruDeviceText(r, d.deviceId, opts, reader);
      stdout += dev.stdout;
      stderr += dev.stderr;
      status = dev.status;
    } else {
      // Bridged FRU devices behind other controllers and DIMM SPD data are not read yet.
      stdout += ' Unsupported device\n';
    }
    stdout += '\n';
  }
  return { stdout, stderr, status };
}

function parseFruId(text: string): number | undefined {
  const n = /^0x[0-9a-f]+$/i.test(text)
    ? parseInt(text, 16)
    : /^[0-9]+$/.test(text)
      ? parseInt(text, 10)
      : NaN;
  return Number.isInteger(n) && n >= 0 && n < 0xff ? n : undefined;
}

async function print(ctx: CliContext, args: string[]): Promise<number> {
  const opts: FruFormatOptions = { tz: ctx.env?.TZ, verbose: ctx.verbose ?? 0 };
  const [idText] = args;
  if (idText === 'help') {
    ctx.err('fru print [fru id] - print information about FRU(s)\n');
    return 0;
  }
  let res: FruPrintResult;
  if (idText !== undefined) {
    const id = parseFruId(idText);
    if (id === undefined) {
      ctx.err(`FRU ID '${idText}' is either invalid or out of range.\n`);
      return 1;
    }
    res = await fruDeviceText(await ctx.session(), id, opts);
  } else {
    const r = await ctx.session();
    res = await fruPrintAllText(r, bmcSdrRecords(ctx, r), opts);
  }
  ctx.out(res.stdout);
  ctx.err(res.stderr);
  return res.status;
}

export const fruCommand: CliCommand = {
  name: 'fru',
  usage: 'fru [print|list] [fru id]',
  async run(ctx, args) {
    const [sub, ...rest] = args;
    if (sub === undefined) return print(ctx, []);
    if (sub === 'print' || sub === 'list') return print(ctx, rest);
    if (sub === 'help') {
      ctx.err('FRU Commands:  print read write upgEkey edit internaluse get\n');
      return 0;
    }
    ctx.err(`Invalid FRU command: ${sub}\nFRU Commands:  print read write upgEkey edit internaluse get\n`);
    return 1;
  },
};
