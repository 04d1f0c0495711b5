// Reads every LAN parameter `ipmitool lan print` shows, in the order it asks for them. Parameters the
// BMC does not have are left out (undefined), never guessed. Decoded by electron/views/lan.ts.
import type { Requester, RequestOptions } from '../../client/requester';
import { IpmiError } from '../../errors';
import { GET_LAN_CONFIG, LAN_PARAMS, getLanParam, type LanParamName } from './lan-config';

export type LanConfigurationData = Partial<Record<LanParamName, Buffer>>;

const PRINT_ORDER: readonly LanParamName[] = [
  'setInProgress',
  'authTypeSupport',
  'authTypeEnables',
  'ipAddressSource',
  'ipAddress',
  'subnetMask',
  'macAddress',
  'communityString',
  'ipHeader',
  'bmcArpControl',
  'gratuitousArpInterval',
  'defaultGatewayIp',
  'defaultGatewayMac',
  'backupGatewayIp',
  'backupGatewayMac',
  'vlanId',
  'vlanPriority',
  'cipherSuiteEntrySupport',
  'cipherSuiteEntries',
  'cipherSuitePrivileges',
  'badPasswordThreshold',
];

/** Parameters whose length varies by BMC; their readers check the length themselves. */
const VARIABLE: ReadonlySet<LanParamName> = new Set([
  'cipherSuiteEntries',
  'cipherSuitePrivileges',
  'badPasswordThreshold',
]);

export function checkLanParamLength(name: LanParamName, data: Buffer, host = ''): void {
  const { id, size } = LAN_PARAMS[name];
  if (VARIABLE.has(name) || data.length >= size) return;
  throw new IpmiError(
    'protocol',
    `${host ? host + ': ' : ''}LAN parameter ${id} (${name}) has ${data.length} bytes, expected ${size}`,
    {
      host: host || undefined,
      command: GET_LAN_CONFIG.name,
      netFn: GET_LAN_CONFIG.netFn,
      cmd: GET_LAN_CONFIG.cmd,
    },
  );
}

/**
 * All parameters are asked at once (the session keeps up to its window in flight), in ipmitool's
 * order: one round trip's worth of time instead of 21. The cipher suite list is asked for together with
 * its count and dropped when the BMC has no count, as ipmitool shows it only then.
 */
export async function readLanConfiguration(
  r: Requester,
  channel: number,
  opts: RequestOptions = {},
): Promise<LanConfigurationData> {
  const replies = await Promise.all(
    PRINT_ORDER.map(
      async (name) => [name, await getLanParam(r, channel, LAN_PARAMS[name].id, 0, opts)] as const,
    ),
  );
  const out: LanConfigurationData = {};
  for (const [name, data] of replies) {
    if (data === undefined) continue;
    checkLanParamLength(name, data, r.host);
    out[name] = data;
  }
  if (!out.cipherSuiteEntrySupport) delete out.cipherSuiteEntries;
  return out;
}
