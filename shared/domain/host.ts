// A managed BMC as the inventory stores it. The password is never part of a host: it lives in the
// OS keychain, keyed by host id.
import { z } from 'zod';
import { isBmcAddress, utf8Length } from './address';

export const hostId = z.string().regex(/^h[0-9a-z]{6,40}$/, 'not a host id');
export const bmcAddress = z
  .string()
  .min(1)
  .max(260)
  .refine(isBmcAddress, 'not an IPv4 address, IPv6 address or host name');
/** IPMI user names are at most 16 bytes; empty = the anonymous/null user. */
export const ipmiUsername = z.string().refine((s) => utf8Length(s) <= 16, 'longer than 16 bytes');
/** IPMI 2.0 passwords are at most 20 bytes (16 for IPMI 1.5 users). */
export const ipmiPassword = z.string().refine((s) => utf8Length(s) <= 20, 'longer than 20 bytes');
export const tag = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[^,;\r\n]+$/, 'no commas, semicolons or line breaks');

export const hostFields = {
  name: z.string().min(1).max(128),
  address: bmcAddress,
  port: z.number().int().min(1).max(65535),
  username: ipmiUsername,
  interface: z.enum(['lanplus', 'lan']),
  cipherSuite: z.union([z.literal('auto'), z.number().int().min(0).max(17)]),
  privilege: z.enum(['callback', 'user', 'operator', 'administrator', 'oem']),
  groups: z.array(tag).max(32),
  notes: z.string().max(4000),
};

export const host = z.strictObject({ id: hostId, ...hostFields });
export type Host = z.infer<typeof host>;

/** What a user fills in: name, address and username are required; the rest has defaults. */
export const hostDraft = z.strictObject({
  name: hostFields.name,
  address: hostFields.address,
  port: hostFields.port.default(623),
  username: hostFields.username,
  interface: hostFields.interface.default('lanplus'),
  cipherSuite: hostFields.cipherSuite.default('auto'),
  privilege: hostFields.privilege.default('administrator'),
  groups: hostFields.groups.default([]),
  notes: hostFields.notes.default(''),
});
export type HostDraft = z.input<typeof hostDraft>;

export const hostPatch = z.strictObject({
  name: hostFields.name.optional(),
  address: hostFields.address.optional(),
  port: hostFields.port.optional(),
  username: hostFields.username.optional(),
  interface: hostFields.interface.optional(),
  cipherSuite: hostFields.cipherSuite.optional(),
  privilege: hostFields.privilege.optional(),
  groups: hostFields.groups.optional(),
  notes: hostFields.notes.optional(),
});
export type HostPatch = z.infer<typeof hostPatch>;
