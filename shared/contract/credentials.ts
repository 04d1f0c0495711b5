// Credentials: set, ask whether one is stored, delete. There is deliberately no "get".
import { z } from 'zod';
import { call } from './define';
import { hostId, ipmiPassword } from '../domain/host';
import { keychainStatus } from './app';

export const credentialsCalls = {
  'credentials.set': call({
    summary: "Store (or replace) a host's password in the keychain",
    privilege: 'none',
    input: z.strictObject({ hostId, password: ipmiPassword }),
    output: z.strictObject({ stored: z.boolean(), keychain: keychainStatus }),
    example: { hostId: 'h0example01', password: 'n3w-secret' },
  }),
  'credentials.has': call({
    summary: 'Whether a password is stored for the host',
    privilege: 'none',
    input: z.strictObject({ hostId }),
    output: z.strictObject({ stored: z.boolean() }),
    example: { hostId: 'h0example01' },
  }),
  'credentials.delete': call({
    summary: "Delete a host's stored password",
    privilege: 'none',
    input: z.strictObject({ hostId }),
    output: z.strictObject({ deleted: z.boolean() }),
    example: { hostId: 'h0example01' },
  }),
};
