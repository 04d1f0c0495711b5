// LAN configuration of one channel (IPMI v2.0 §23.2 Get LAN Configuration Parameters), every field
// decoded. A field the BMC does not have is absent (never guessed) and its name is listed in
// `unsupported`. Built in main by electron/views/lan.ts; the CLI's `lan print` prints it.
import { z } from 'zod';

export const authType = z.enum(['none', 'md2', 'md5', 'password', 'oem']);
export type AuthType = z.infer<typeof authType>;

/** Privilege level names (IPMI v2.0 table 6-... "privilege level"); 'unused' = 0 in a cipher-suite slot. */
export const privilegeLevelName = z.enum(['unused', 'callback', 'user', 'operator', 'administrator', 'oem']);
export type PrivilegeLevelName = z.infer<typeof privilegeLevelName>;

export const ipAddressSource = z.enum(['unspecified', 'static', 'dhcp', 'bios', 'other']);

const ipv4 = z.string().regex(/^\d{1,3}(\.\d{1,3}){3}$/, 'not a dotted IPv4 address');
const mac = z.string().regex(/^[0-9a-fA-F]{1,2}(:[0-9a-fA-F]{1,2}){5}$/, 'not a MAC address');

export const lanConfiguration = z.strictObject({
  channel: z.number().int().min(0).max(15),
  setInProgress: z.enum(['complete', 'in-progress', 'commit-write', 'reserved']).optional(),
  authTypeSupport: z.array(authType).optional(),
  /** parameter 2: the auth types enabled for each privilege level */
  authTypeEnables: z
    .strictObject({
      callback: z.array(authType),
      user: z.array(authType),
      operator: z.array(authType),
      administrator: z.array(authType),
      oem: z.array(authType),
    })
    .optional(),
  ipAddressSource: ipAddressSource.optional(),
  ipAddress: ipv4.optional(),
  subnetMask: ipv4.optional(),
  macAddress: mac.optional(),
  snmpCommunity: z.string().optional(),
  /** parameter 7: TTL, the flags bits 7:5, precedence bits 7:5 and TOS bits 4:1 of the TOS byte */
  ipHeader: z
    .strictObject({
      ttl: z.number().int(),
      flags: z.number().int(),
      precedence: z.number().int(),
      tos: z.number().int(),
    })
    .optional(),
  arp: z.strictObject({ respond: z.boolean(), generateGratuitous: z.boolean() }).optional(),
  /** exact, in 0.5 s steps (ipmitool prints it truncated) */
  gratuitousArpIntervalSeconds: z.number().optional(),
  defaultGateway: ipv4.optional(),
  defaultGatewayMac: mac.optional(),
  backupGateway: ipv4.optional(),
  backupGatewayMac: mac.optional(),
  vlan: z.strictObject({ enabled: z.boolean(), id: z.number().int().min(0).max(4095) }).optional(),
  vlanPriority: z.number().int().min(0).max(7).optional(),
  /** parameter 22 */
  cipherSuiteCount: z.number().int().optional(),
  /** parameter 23, the first cipherSuiteCount ids; null when the BMC states a count but no usable list */
  cipherSuiteIds: z.array(z.number().int()).nullable().optional(),
  /** parameter 24: the maximum privilege of each of the 16 cipher suite entries, in entry order */
  cipherSuitePrivileges: z.array(privilegeLevelName).length(16).optional(),
  /** parameter 26 (IPMI 2.0 errata): both intervals in seconds */
  badPasswordThreshold: z
    .strictObject({
      threshold: z.number().int(),
      generateEvent: z.boolean(),
      resetIntervalSeconds: z.number().int(),
      lockoutIntervalSeconds: z.number().int(),
    })
    .optional(),
  /** fields this BMC does not have (or answers in a layout we cannot use) */
  unsupported: z.array(z.string()),
});
export type LanConfiguration = z.infer<typeof lanConfiguration>;

/** What `lan.plan` may change; a field left out stays as it is. */
export const lanSettings = z.strictObject({
  ipSource: z.enum(['static', 'dhcp']).optional(),
  ipAddress: ipv4.optional(),
  subnetMask: ipv4.optional(),
  defaultGateway: ipv4.optional(),
  defaultGatewayMac: mac.optional(),
  backupGateway: ipv4.optional(),
  backupGatewayMac: mac.optional(),
  /** 'off' switches the VLAN off */
  vlanId: z.union([z.number().int().min(1).max(4094), z.literal('off')]).optional(),
  vlanPriority: z.number().int().min(0).max(7).optional(),
  snmpCommunity: z.string().max(18).optional(),
});
export type LanSettingsInput = z.infer<typeof lanSettings>;

export const lanApplyResult = z.strictObject({
  ok: z.boolean(),
  /** fields the BMC now holds as planned, in write order (an implied switch to static included) */
  applied: z.array(z.string()),
  notApplied: z.array(z.string()),
  failure: z
    .strictObject({
      field: z.string(),
      stage: z.enum(['write', 'verify', 'commit']),
      /** the BMC's completion code when it refused the write */
      completionCode: z.number().int().optional(),
      message: z.string(),
    })
    .optional(),
  warnings: z.array(z.string()),
  /** the address the app now uses for this host, when the plan moved it */
  reconnectAddress: z.string().optional(),
  configuration: lanConfiguration,
});
export type LanApplyResult = z.infer<typeof lanApplyResult>;
