// Explicit session control. Every BMC call opens a pooled session on demand; these let the UI connect
// up front (to show login errors early) and drop a session.
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';

export const sessionInfo = z.strictObject({
  interface: z.enum(['lanplus', 'lan']),
  cipherSuite: z.number().int().optional(),
  authType: z.string().optional(),
  privilege: z.number().int(),
});

export const sessionCalls = {
  'session.connect': call({
    summary: 'Open (or reuse) the pooled session to a host',
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: z.strictObject({ connected: z.literal(true), info: sessionInfo.optional() }),
    example: { hostId: 'h0example01' },
  }),
  'session.disconnect': call({
    summary: 'Close the pooled session to a host, if open',
    privilege: 'none',
    input: z.strictObject({ hostId }),
    output: z.strictObject({ closed: z.boolean() }),
    example: { hostId: 'h0example01' },
  }),
};
