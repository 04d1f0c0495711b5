// Host inventory. Passwords are accepted on add (stored straight into the keychain) but never returned.
import { z } from 'zod';
import { call, noArgs } from './define';
import { host, hostDraft, hostId, hostPatch, ipmiPassword } from '../domain/host';

export const hostSummary = host.extend({ hasPassword: z.boolean() });
export type HostSummary = z.infer<typeof hostSummary>;

/** 2 MiB of CSV is ~10k hosts; anything larger is refused before parsing. */
export const MAX_CSV = 2 * 1024 * 1024;

export const hostsCalls = {
  'hosts.list': call({
    summary: 'All hosts, with whether a password is stored',
    privilege: 'none',
    input: noArgs,
    output: z.strictObject({ hosts: z.array(hostSummary) }),
    example: {},
  }),
  'hosts.add': call({
    summary: 'Add a host; the optional password goes to the keychain',
    privilege: 'none',
    input: z.strictObject({ host: hostDraft, password: ipmiPassword.optional() }),
    output: hostSummary,
    example: { host: { name: 'web-01', address: '192.0.2.10', username: 'admin' }, password: 'secret' },
  }),
  'hosts.update': call({
    summary: 'Change some fields of a host',
    privilege: 'none',
    input: z.strictObject({ id: hostId, patch: hostPatch }),
    output: hostSummary,
    example: { id: 'h0example01', patch: { name: 'web-01b', port: 6230 } },
  }),
  'hosts.remove': call({
    summary: 'Remove a host, close its session and delete its keychain entry',
    privilege: 'none',
    input: z.strictObject({ id: hostId }),
    output: z.strictObject({ removed: z.boolean(), credentialDeleted: z.boolean() }),
    example: { id: 'h0example01' },
  }),
  'hosts.importCsv': call({
    summary: 'Add hosts from CSV (no passwords); all rows valid or nothing is applied',
    privilege: 'none',
    input: z.strictObject({ csv: z.string().max(MAX_CSV) }),
    output: z.strictObject({ added: z.number().int(), hosts: z.array(hostSummary) }),
    example: { csv: 'name,address,username\nimported-01,198.51.100.7,admin\n' },
  }),
  'hosts.exportCsv': call({
    summary: 'All hosts as CSV (never passwords)',
    privilege: 'none',
    input: noArgs,
    output: z.strictObject({ csv: z.string() }),
    example: {},
  }),
};
