// Management controller: info (IPMI v2.0 §20.1 Get Device ID) and reset (§20.2-20.3), which waits for the
// BMC to answer again.
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { deviceInfo, systemGuid } from '../domain/device';

export { deviceInfo, systemGuid, type DeviceInfo, type SystemGuidView } from '../domain/device';

export const mcResetProgress = z.strictObject({
  /** sent: the reset was accepted (or went unanswered, as a cold reset may); waiting: a Get Device ID
   *  attempt went unanswered; back: the BMC answers again */
  phase: z.enum(['sent', 'waiting', 'back']),
  elapsedMs: z.number().int().min(0),
  attempt: z.number().int().min(0),
});

export const mcCalls = {
  'mc.info': call({
    summary: 'Get Device ID of the BMC',
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: deviceInfo,
    example: { hostId: 'h0example01' },
  }),
  'mc.guid': call({
    summary: 'Get System GUID, in the byte order the BMC uses (as `mc guid` detects it)',
    privilege: 'user',
    input: z.strictObject({ hostId }),
    output: systemGuid,
    example: { hostId: 'h0example01' },
  }),
  'mc.reset': call({
    summary: 'Warm or cold reset of the BMC, then wait (with progress) until it answers a new login',
    privilege: 'administrator',
    input: z.strictObject({
      hostId,
      operationId,
      kind: z.enum(['warm', 'cold']),
      /** how long to wait for the BMC to come back; default 120 s */
      waitSeconds: z.number().int().min(1).max(900).optional(),
    }),
    output: z.strictObject({
      kind: z.enum(['warm', 'cold']),
      /** the BMC answered a new session in time */
      back: z.boolean(),
      elapsedMs: z.number().int().min(0),
      /** Get Device ID after it came back */
      device: deviceInfo.optional(),
    }),
    progress: mcResetProgress,
    example: { hostId: 'h0example01', operationId: 'op-example-0003', kind: 'warm', waitSeconds: 60 },
  }),
};
