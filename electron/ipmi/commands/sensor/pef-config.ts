// Get PEF Configuration Parameters (IPMI v2.0 §30.4, NetFn Sensor/Event 0x04, cmd 0x13) and the
// parameters `pef info|status|policy list` read (table 30-6). Each reply starts with the parameter
// revision byte; the decoders take the whole reply.
import type { Requester } from '../../client/requester';
import { call, requireLength, type CommandSpec } from '../command-spec';
import { argumentError } from '../../errors';

export const GET_PEF_CONFIG: CommandSpec = {
  netFn: 0x04,
  cmd: 0x13,
  name: 'Get PEF Configuration Parameters',
};

export const PEF_PARAM = {
  control: 1,
  actionGlobalControl: 2,
  filterTableSize: 5,
  alertPolicyTableSize: 8,
  alertPolicyEntry: 9,
  systemGuid: 10,
} as const;

/** Completion code 0x80: "parameter not supported" for this command. */
export const CC_PEF_PARAM_NOT_SUPPORTED = 0x80;

export function encodeGetPefConfig(param: number, set = 0, block = 0): Uint8Array {
  for (const [v, what] of [
    [param, 'parameter'],
    [set, 'set selector'],
    [block, 'block selector'],
  ] as const)
    if (!Number.isInteger(v) || v < 0 || v > 0xff) throw argumentError(`PEF ${what} must be 0-255, got ${v}`);
  return Uint8Array.of(param & 0x7f, set, block);
}

/** The raw parameter reply (revision byte first). */
export async function getPefConfig(r: Requester, param: number, set = 0, block = 0): Promise<Buffer> {
  return call(r, GET_PEF_CONFIG, encodeGetPefConfig(param, set, block));
}

const spec = (name: string): CommandSpec => ({ ...GET_PEF_CONFIG, name: `${GET_PEF_CONFIG.name} (${name})` });

/** Parameters 5 and 8: number of entries, bits 6:0. */
export function decodeTableSize(data: Uint8Array, host = ''): number {
  requireLength(data, 2, spec('table size'), host);
  return data[1]! & 0x7f;
}

/** Parameters 1 (PEF control) and 2 (action global control): one bit mask after the revision. */
export function decodeFlagsParam(data: Uint8Array, host = ''): number {
  requireLength(data, 2, spec('flags'), host);
  return data[1]!;
}

export const PEF_CONTROL_FLAGS: readonly (readonly [string, number])[] = [
  ['PEF', 0x01],
  ['PEF event messages', 0x02],
  ['PEF startup delay', 0x04],
  ['Alert startup delay', 0x08],
];

export interface PefSystemGuid {
  /** byte 1 bit 0: use this GUID in PET traps (else the BMC's Get System GUID) */
  useGuid: boolean;
  guid: Buffer;
}

/** Parameter 10: revision, flags, 16 GUID bytes. */
export function decodeSystemGuidParam(data: Uint8Array, host = ''): PefSystemGuid {
  requireLength(data, 18, spec('system GUID'), host);
  return { useGuid: (data[1]! & 1) === 1, guid: Buffer.from(data.subarray(2, 18)) };
}

export interface AlertPolicyEntry {
  /** entry number 1..127 */
  entry: number;
  /** policy set number, 0..15 */
  policySet: number;
  enabled: boolean;
  /** 0 match always, 1 try next entry, 2 next set, 3 next channel, 4 next destination */
  rule: number;
  channel: number;
  destination: number;
  /** alert string key byte 7 bit: event-specific alert string */
  eventSpecific: boolean;
  alertStringSet: number;
}

/** Parameter 9 for one entry: revision, entry number, policy, channel/destination, alert string key. */
export function decodeAlertPolicyEntry(data: Uint8Array, host = ''): AlertPolicyEntry {
  requireLength(data, 5, spec('alert policy entry'), host);
  const policy = data[2]!;
  return {
    entry: data[1]! & 0x7f,
    policySet: policy >> 4,
    enabled: (policy & 0x08) !== 0,
    rule: policy & 0x07,
    channel: data[3]! >> 4,
    destination: data[3]! & 0x0f,
    eventSpecific: (data[4]! & 0x80) !== 0,
    alertStringSet: data[4]! & 0x7f,
  };
}

export const PEF_PARAM_FILTER_ENTRY = 6;

/** One event filter (table 30-1), after the revision byte and the filter number. */
export interface EventFilter {
  /** the set-selector byte as the BMC returned it */
  id: number;
  enabled: boolean;
  /** bits 6:5: 0 configurable, 2 pre-configured, 1/3 reserved */
  configType: number;
  actions: number;
  /** alert policy number, bits 3:0 */
  policyNumber: number;
  severity: number;
  generatorId: [number, number];
  sensorType: number;
  /** 0xFF: any */
  sensorNumber: number;
  /** event/reading type to match; 0xFF any */
  eventTrigger: number;
  /** event data 1 offset mask, bit n = offset n */
  offsetMask: number;
  /** AND mask, compare 1, compare 2 for event data 1..3 */
  dataMatch: [number, number, number][];
}

/** Parameter 6 for one filter: revision, filter number, 20 filter bytes. */
export function decodeEventFilter(data: Uint8Array, host = ''): EventFilter {
  requireLength(data, 22, spec('event filter entry'), host);
  const b = (i: number) => data[2 + i]!;
  return {
    id: data[1]!,
    enabled: (b(0) & 0x80) !== 0,
    configType: (b(0) >> 5) & 0x03,
    actions: b(1),
    policyNumber: b(2) & 0x0f,
    severity: b(3),
    generatorId: [b(4), b(5)],
    sensorType: b(6),
    sensorNumber: b(7),
    eventTrigger: b(8),
    offsetMask: b(9) | (b(10) << 8),
    dataMatch: [
      [b(11), b(12), b(13)],
      [b(14), b(15), b(16)],
      [b(17), b(18), b(19)],
    ],
  };
}
