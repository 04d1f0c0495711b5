// The SOL configuration view (shared/domain/sol.ts) for `sol info` and `sol.config.get`, and
// `sol.config.set`: each setting written inside the set-in-progress guard, then read back.
import type { Requester, RequestOptions } from '../ipmi/client/requester';
import {
  readSolConfiguration,
  setSolSetting,
  SOL_BIT_RATE,
  type SolConfiguration,
  type SolSetting,
} from '../ipmi/commands/transport/sol-config';
import { IpmiError } from '../ipmi/errors';
import type { SolConfigurationView, SolSettingInput } from '../../shared/domain/sol';
import { privilegeLevelName } from './lan';
import { withRequestOptions } from './requester-options';

const SET_IN_PROGRESS = ['complete', 'in-progress', 'commit-write', 'reserved'] as const;
const KBPS_BY_CODE = new Map(
  Object.entries(SOL_BIT_RATE).map(([name, code]) => [code, name === 'serial' ? null : Number(name)]),
);
const bitRate = (code: number) => ({ code, kbps: KBPS_BY_CODE.get(code) ?? null });

export function solConfigurationView(channel: number, c: SolConfiguration): SolConfigurationView {
  const v: SolConfigurationView = { channel, unsupported: [...c.unsupported] };
  if (c.setInProgress !== undefined) v.setInProgress = SET_IN_PROGRESS[c.setInProgress & 3];
  if (c.enabled !== undefined) v.enabled = c.enabled;
  if (c.forceEncryption !== undefined) v.forceEncryption = c.forceEncryption;
  if (c.forceAuthentication !== undefined) v.forceAuthentication = c.forceAuthentication;
  if (c.privilegeLevel !== undefined) {
    v.privilegeLevel = c.privilegeLevel;
    v.privilege =
      c.privilegeLevel >= 1 && c.privilegeLevel <= 5 ? privilegeLevelName(c.privilegeLevel) : 'reserved';
  }
  for (const k of [
    'characterAccumulateIntervalMs',
    'characterSendThreshold',
    'retryCount',
    'retryIntervalMs',
    'payloadChannel',
    'payloadPort',
  ] as const)
    if (c[k] !== undefined) v[k] = c[k];
  if (c.nonVolatileBitRate !== undefined) v.nonVolatileBitRate = bitRate(c.nonVolatileBitRate);
  if (c.volatileBitRate !== undefined) v.volatileBitRate = bitRate(c.volatileBitRate);
  return v;
}

export async function readSolView(
  session: Requester,
  o: { channel: number } & RequestOptions,
): Promise<SolConfigurationView> {
  const { channel, ...opts } = o;
  return solConfigurationView(
    channel,
    await readSolConfiguration(withRequestOptions(session, opts), channel),
  );
}

const PRIVILEGE_CODE = { user: 2, operator: 3, administrator: 4, oem: 5 } as const;

/** The command layer's setting for an app setting (same names; words become the wire's codes). */
export function toSolSetting(s: SolSettingInput): SolSetting {
  switch (s.name) {
    case 'privilege-level':
      return { name: s.name, value: PRIVILEGE_CODE[s.value] };
    case 'non-volatile-bit-rate':
    case 'volatile-bit-rate':
      return { name: s.name, value: SOL_BIT_RATE[s.value]! };
    default:
      return s;
  }
}

/** What the view must show after the setting, for the read-back. */
function holds(v: SolConfigurationView, s: SolSettingInput): boolean {
  switch (s.name) {
    case 'enabled':
      return v.enabled === s.value;
    case 'force-encryption':
      return v.forceEncryption === s.value;
    case 'force-authentication':
      return v.forceAuthentication === s.value;
    case 'privilege-level':
      return v.privilegeLevel === PRIVILEGE_CODE[s.value];
    case 'character-accumulate-level':
      return v.characterAccumulateIntervalMs === s.value * 5;
    case 'character-send-threshold':
      return v.characterSendThreshold === s.value;
    case 'retry-count':
      return v.retryCount === s.value;
    case 'retry-interval':
      return v.retryIntervalMs === s.value * 10;
    case 'non-volatile-bit-rate':
      return v.nonVolatileBitRate?.code === SOL_BIT_RATE[s.value];
    case 'volatile-bit-rate':
      return v.volatileBitRate?.code === SOL_BIT_RATE[s.value];
  }
}

/**
 * `sol.config.set`: the settings in the order given, each in its own set-in-progress guard, then one
 * read-back of them all; a value that does not hold is `verify-failed` naming the settings.
 */
export async function setSolView(
  session: Requester,
  o: { channel: number; settings: readonly SolSettingInput[] } & RequestOptions,
): Promise<SolConfigurationView> {
  const { channel, settings, ...opts } = o;
  const r = withRequestOptions(session, opts);
  const wire = settings.map(toSolSetting);
  for (const s of wire) await setSolSetting(r, channel, s);
  const v = solConfigurationView(channel, await readSolConfiguration(r, channel));
  const wrong = settings.filter((s) => !holds(v, s)).map((s) => s.name);
  if (wrong.length > 0)
    throw new IpmiError(
      'verify-failed',
      `${r.host}: SOL ${wrong.join(', ')} on channel ${channel} read back other values after the write`,
      { host: r.host, command: 'Get SOL Configuration Parameters', reasons: wrong },
    );
  return v;
}
