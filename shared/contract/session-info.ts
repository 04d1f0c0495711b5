// Who holds which session slot of a BMC (Get Session Info), our own session first.
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';
import { sessionInfo } from '../domain/session-info';

export const sessionInfoCalls = {
  'session.info': call({
    summary: 'Get Session Info for our session and every active one',
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: sessionInfo,
    example: { hostId: 'h0example01' },
  }),
};
