// Where the `sdr`, `sensor`, `sel elist` and `fru print` commands get the SDR from: `-S FILE` for the
// commands ipmitool reads it for (sdr-file.ts), otherwise our on-disk cache unless bypassed. ipmitool has
// no cache; ours is on by default. Bypass with BMCDESK_SDR_CACHE=off, `--no-cache` among the options
// (`bmcdesk --no-cache sdr list`: the whole run), or for sdr/sensor `--no-cache` anywhere in the line
// after the command name (`bmcdesk sdr --no-cache list`, `bmcdesk sdr elist --no-cache`,
// `bmcdesk sensor get "CPU Temp" --no-cache`); BMCDESK_SDR_CACHE_DIR moves it.
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Requester } from '../../ipmi/client/requester';
import type { SdrRecord } from '../../ipmi/decode/sdr/sdr-record';
import { loadSdr, type LoadedSdr } from '../../services/sdr-cache';
import type { CliContext } from '../context';

export const CACHE_USAGE = `SDR cache (bmcdesk only; ipmitool has none): on by default, in $XDG_CACHE_HOME/bmcdesk/sdr.
       --no-cache among the options or after the command name, or BMCDESK_SDR_CACHE=off, reads the SDR from the BMC;
       BMCDESK_SDR_CACHE_DIR=<dir> moves the cache.`;

export function cacheDirFor(env: Record<string, string | undefined>): string | undefined {
  const flag = env.BMCDESK_SDR_CACHE?.toLowerCase();
  if (flag === 'off' || flag === '0' || flag === 'no' || flag === 'false') return undefined;
  if (env.BMCDESK_SDR_CACHE_DIR) return env.BMCDESK_SDR_CACHE_DIR;
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'bmcdesk', 'sdr');
}

/**
 * Takes every `--no-cache` out of the arguments, wherever the user put it: ipmitool has no such flag,
 * so users append it where their habit puts options (before or after the subcommand, after the sensor
 * names). No SDR ID string starts with "--" in practice, and ipmitool would not find one either.
 */
export function takeCacheFlag(args: readonly string[]): { noCache: boolean; rest: string[] } {
  const rest = args.filter((a) => a !== '--no-cache');
  return { noCache: rest.length !== args.length, rest };
}

export function hostKey(ctx: CliContext): string {
  const port = ctx.options.port ?? 623;
  return port === 623 ? ctx.options.host : `${ctx.options.host}:${port}`;
}

/** The BMC's repository (through the cache): what `sensor list`, `sdr dump` and `fru print` walk, -S or not. */
export async function cliSdr(ctx: CliContext, r: Requester, noCache: boolean): Promise<LoadedSdr> {
  const dir = noCache || ctx.noSdrCache ? undefined : cacheDirFor(ctx.env ?? process.env);
  return loadSdr(r, { cacheDir: dir, hostKey: hostKey(ctx) });
}

/** The records ipmitool's SDR list holds: the -S file's when it was read, else the BMC's. */
export async function sdrRecords(ctx: CliContext, r: Requester, noCache: boolean): Promise<SdrRecord[]> {
  return ctx.sdrFromFile?.() ?? (await cliSdr(ctx, r, noCache)).records;
}

/** The records alone, for commands that only look names up (`sel elist`, `sel get`): -S applies. */
export function cliSdrRecords(ctx: CliContext, r: Requester): () => Promise<SdrRecord[]> {
  return () => sdrRecords(ctx, r, false);
}

/** The BMC's records alone: `fru print` walks the repository itself in ipmitool, so -S does not apply. */
export function bmcSdrRecords(ctx: CliContext, r: Requester): () => Promise<SdrRecord[]> {
  return async () => (await cliSdr(ctx, r, false)).records;
}

/** ipmitool's lookup (ipmi_sdr_find_sdr_byid): the first record with a name whose ID equals the argument. */
export function findById(records: readonly SdrRecord[], id: string): SdrRecord | undefined {
  return records.find((r) => 'id' in r && r.id === id);
}
