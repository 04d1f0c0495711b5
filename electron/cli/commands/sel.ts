// `sel` as ipmitool 1.8.19 has it (lib/ipmi_sel.c ipmi_sel_main): info, list/elist [N | first N |
// last N], delete, clear, time get/set. Exit status and message texts follow ipmitool.
import type { CliCommand, CliContext } from '../context';
import type { Requester } from '../../ipmi/client/requester';
import { isIpmiError } from '../../ipmi/errors';
import {
  clearSel,
  deleteSelEntry,
  getSelAllocationInfo,
  getSelInfo,
  getSelTime,
  readSel,
  reserveSel,
  setSelTime,
} from '../../ipmi/commands/storage/sel';
import { formatSelInfo, formatSelLine } from '../format/sel';
import {
  selEventText,
  selEventView,
  selSdrMatcher,
  type SelSdrMatcher,
  type SelVendorText,
} from '../../views/sel-event';
import { parseSelTime, timestampNumeric, type TimeOptions } from '../format/ipmi-time';
import { selGet } from './sel-get';
import { SelOem } from './sel-oem';
import { refusalCode } from './cc-failure';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { standardView } from '../format/sel-get';
import { selEventFileLine, strerror } from '../format/sel-save';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { cliSdrRecords } from './sdr-source';

import { failureText } from './sel-failure';
export { failureText };

export interface SelListOptions extends TimeOptions {
  /** elist: sensor names and converted threshold readings from the SDR */
  extended?: boolean;
  /** > 0 first N records, < 0 last N, 0 all */
  count?: number;
  /** -c: ipmitool's CSV lines */
  csv?: boolean;
  /** `sel save`: called once the SEL is known to have entries; the sink gets every record */
  save?: () => Promise<((bytes: Uint8Array, oem: SelVendorText | undefined) => void) | undefined>;
}

export interface SelListResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** `sel list` / `sel elist` against an open session; `sdr` gives elist the SDR records it needs. */
export async function selListText(
  r: Requester,
  sdr: () => Promise<SdrRecord[]>,
  opts: SelListOptions = {},
): Promise<SelListResult> {
  let info;
  try {
    info = await getSelInfo(r);
  } catch (e) {
    return { stdout: '', stderr: failureText('Get SEL Info command failed', e) + '\n', status: 1 };
  }
  if (info.entries === 0) return { stdout: '', stderr: 'SEL has no entries\n', status: 0 };
  let matcher: SelSdrMatcher | undefined;
  if (opts.extended) {
    // a BMC that refuses its SDR costs only the sensor names, as in ipmitool
    let records: SdrRecord[] = [];
    try {
      records = await sdr();
    } catch (e) {
      if (refusalCode(e) === undefined) throw e;
    }
    matcher = selSdrMatcher(records);
  }
  const count = opts.count ?? 0;
  let stdout = '';
  let stderr = '';
  const oem = new SelOem(r, (t) => (stderr += t));
  // ipmitool opens the file only once the SEL is known to have entries
  const save = opts.save ? await opts.save() : undefined;
  let at = 0;
  try {
    await readSel(r, {
      ...(count > 0 ? { first: count } : count < 0 ? { last: -count, entries: info.entries } : {}),
      onFetch: (id) => (at = id),
      onRecord: async (e) => {
        const vendor = await oem.text(e.record);
        stdout += formatSelLine(selEventView(e.bytes, { sdr: matcher, vendor }), {
          tz: opts.tz,
          csv: opts.csv,
        });
        // the file sees every record through the standard view, OEM types included; ipmitool describes
        // it a second time (so a failing Get Board ID is reported twice)
        if (save) save(e.bytes, await oem.text(standardView(e.bytes)));
      },
    });
  } catch (e) {
    if (!isIpmiError(e) || e.kind === 'argument') throw e;
    stderr += failureText(`Get SEL Entry ${at.toString(16)} command failed`, e) + '\n';
  }
  return { stdout, stderr, status: 0 };
}

function parseIntC(text: string): number | undefined {
  // strtol(…, 0) as ipmitool's str2int/str2ushort: decimal, 0x hex or 0 octal, whole string
  const t = text.trim();
  let n: number;
  if (/^[-+]?0x[0-9a-f]+$/i.test(t)) n = parseInt(t, 16);
  else if (/^[-+]?0[0-7]*$/.test(t)) n = parseInt(t, 8);
  else if (/^[-+]?[1-9][0-9]*$/.test(t)) n = parseInt(t, 10);
  else return undefined;
  return Number.isSafeInteger(n) ? n : undefined;
}

async function info(ctx: CliContext, tz: TimeOptions): Promise<number> {
  const r = await ctx.session();
  try {
    const i = await getSelInfo(r);
    let alloc;
    let failed = false;
    if (i.supportsAllocationInfo) {
      try {
        alloc = await getSelAllocationInfo(r);
      } catch (e) {
        failed = true;
        ctx.out(formatSelInfo(i, undefined, tz));
        ctx.err(failureText('Get SEL Allocation Info command failed', e) + '\n');
      }
    }
    if (failed) return 1;
    ctx.out(formatSelInfo(i, alloc, tz));
    return 0;
  } catch (e) {
    ctx.err(failureText('Get SEL Info command failed', e) + '\n');
    return 1;
  }
}

async function list(ctx: CliContext, args: string[], extended: boolean, tz: TimeOptions): Promise<number> {
  let count = 0;
  let countText: string | undefined;
  let sign = 1;
  if (args.length === 1) countText = args[0];
  else if (args.length === 2) {
    countText = args[1];
    if (args[0] === 'last') sign = -1;
    else if (args[0] !== 'first') {
      ctx.err('Unknown sel list option\n');
      return 1;
    }
  }
  if (countText !== undefined) {
    const n = parseIntC(countText);
    if (n === undefined || n < -0x80000000 || n > 0x7fffffff) {
      ctx.err(`Numeric argument required; got '${countText}'\n`);
      return 1;
    }
    count = n;
  }
  const r = await ctx.session();
  const res = await selListText(r, cliSdrRecords(ctx, r), {
    ...tz,
    extended,
    count: count * sign,
    csv: ctx.csv === true,
  });
  ctx.out(res.stdout);
  ctx.err(res.stderr);
  return res.status;
}

async function remove(ctx: CliContext, ids: string[]): Promise<number> {
  if (ids.length === 0) {
    ctx.err('usage: sel delete <id>...<id>\n');
    return 0;
  }
  if (ids[0] === 'help') {
    // ipmitool's other usage line for this, with its doubled newline, and a failure status
    ctx.err('usage: delete <id>...<id>\n\n');
    return 1;
  }
  const r = await ctx.session();
  let reservation: number;
  try {
    reservation = await reserveSel(r);
  } catch (e) {
    ctx.out(failureText('Unable to reserve SEL', e));
    return 1;
  }
  let status = 0;
  // ipmitool deletes from the last argument to the first.
  for (const text of [...ids].reverse()) {
    const id = parseIntC(text);
    if (id === undefined || id < 0 || id > 0xffff) {
      ctx.err(`Given SEL ID '${text}' is invalid.\n`);
      status = 1;
      continue;
    }
    try {
      await deleteSelEntry(r, id, reservation);
      ctx.out(`Deleted entry ${id}\n`);
    } catch (e) {
      ctx.err(failureText(`Unable to delete entry ${id}`, e) + '\n');
      status = 1;
    }
  }
  return status;
}

/** ipmitool's ipmi_open_file(file, write): a new file, or an existing regular file with one link. */
async function openForWrite(ctx: CliContext, file: string): Promise<FileHandle | undefined> {
  let st;
  try {
    st = await lstat(file);
  } catch {
    try {
      return await open(file, 'w');
    } catch (e) {
      ctx.err(`Unable to open file ${file} for write: ${strerror(e)}\n`);
      return undefined;
    }
  }
  if (!st.isFile()) {
    ctx.err(`File ${file} has invalid mode: ${st.mode}\n`);
    return undefined;
  }
  if (st.nlink !== 1) {
    ctx.err(`File ${file} has invalid link count: ${st.nlink} != 1\n`);
    return undefined;
  }
  try {
    return await open(file, 'w+');
  } catch (e) {
    ctx.err(`Unable to open file ${file}: ${strerror(e)}\n`);
    return undefined;
  }
}

/** `sel save FILE`: the `sel list` output, and each record as an event-file line (see sel-save.ts). As
 *  in ipmitool, a file that cannot be written still lists the SEL and exits 0. */
async function saveSel(ctx: CliContext, file: string | undefined, tz: TimeOptions): Promise<number> {
  if (file === undefined) {
    ctx.err('usage: sel save <filename>\n');
    return 0;
  }
  const r = await ctx.session();
  let text = '';
  let handle: FileHandle | undefined;
  const res = await selListText(r, cliSdrRecords(ctx, r), {
    ...tz,
    csv: ctx.csv === true,
    save: async () => {
      handle = await openForWrite(ctx, file);
      if (!handle) return undefined;
      return (bytes, oem) => {
        const v = standardView(bytes);
        text += selEventFileLine(v, oem ? oem.description : selEventText(v) || undefined);
      };
    },
  });
  if (handle) {
    try {
      await handle.writeFile(text, 'latin1');
    } finally {
      await handle.close();
    }
  }
  ctx.out(res.stdout);
  ctx.err(res.stderr);
  return res.status;
}

async function clear(ctx: CliContext): Promise<number> {
  const r = await ctx.session();
  let reservation: number;
  try {
    reservation = await reserveSel(r);
  } catch (e) {
    ctx.out(failureText('Unable to reserve SEL', e));
    return 1;
  }
  try {
    // Unlike ipmitool we wait for the erase to finish, so a following read never sees a half-erased log.
    await clearSel(r, { reservation });
  } catch (e) {
    ctx.err(failureText('Unable to clear SEL', e) + '\n');
    return 1;
  }
  ctx.out('Clearing SEL.  Please allow a few seconds to erase.\n');
  return 0;
}

async function printTime(ctx: CliContext, r: Requester, tz: TimeOptions): Promise<boolean> {
  try {
    ctx.out(timestampNumeric(await getSelTime(r), tz) + '\n');
    return true;
  } catch (e) {
    ctx.err(failureText('Get SEL Time command failed', e) + '\n');
    return false;
  }
}

async function time(ctx: CliContext, args: string[], tz: TimeOptions): Promise<number> {
  const [sub, value] = args;
  if (sub === 'get') {
    // ipmitool ignores the outcome of `sel time get`: its exit status is 0 either way.
    await printTime(ctx, await ctx.session(), tz);
    return 0;
  }
  if (sub === 'set') {
    if (value === undefined) {
      ctx.err('usage: sel time set "mm/dd/yyyy hh:mm:ss"\n');
      return 0;
    }
    const seconds = value.toLowerCase() === 'now' ? Math.floor(Date.now() / 1000) : parseSelTime(value, tz);
    if (seconds === undefined) {
      ctx.err('Specified time could not be parsed\n');
      return 1;
    }
    const r = await ctx.session();
    try {
      await setSelTime(r, seconds);
    } catch (e) {
      ctx.err(failureText('Set SEL Time command failed', e) + '\n');
      return 1;
    }
    await printTime(ctx, r, tz);
    return 0;
  }
  ctx.err('sel time commands: get set\n');
  return 0;
}

export const selCommand: CliCommand = {
  name: 'sel',
  usage:
    'sel info | list [first|last N] | elist [first|last N] | get <id>... | save <file> | delete <id>... | clear | time get | time set "mm/dd/yyyy hh:mm:ss"|now',
  async run(ctx, args) {
    const tz: TimeOptions = { tz: ctx.env?.TZ };
    const [sub, ...rest] = args;
    switch (sub) {
      case undefined:
      case 'info':
        return info(ctx, tz);
      case 'help':
        ctx.err('SEL Commands:  info clear delete list elist get add time save readraw writeraw interpret\n');
        return 0;
      case 'list':
        return list(ctx, rest, false, tz);
      case 'elist':
        return list(ctx, rest, true, tz);
      case 'get':
        return selGet(ctx, rest, tz);
      case 'delete':
        return remove(ctx, rest);
      case 'clear':
        return clear(ctx);
      case 'time':
        return time(ctx, rest, tz);
      case 'save':
        return saveSel(ctx, rest[0], tz);
      default:
        ctx.err(`Invalid SEL command: ${sub}\n`);
        return 1;
    }
  },
};
