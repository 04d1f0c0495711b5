// Actions on many hosts. Each streams one progress item per host and can be cancelled with
// operations.cancel; the final result lists every host (those not reached before a cancel are absent).
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { powerState } from './power';
import { errorData } from '../errors';

export const fleetPowerItem = z.strictObject({
  hostId,
  power: powerState.optional(),
  error: errorData.optional(),
});

export const fleetCalls = {
  'fleet.powerStatus': call({
    summary: 'Power state of many hosts, streamed per host, cancellable',
    privilege: 'user',
    input: z.strictObject({
      operationId,
      hostIds: z.array(hostId).min(1).max(4096),
      concurrency: z.number().int().min(1).max(512).optional(),
    }),
    output: z.strictObject({ results: z.array(fleetPowerItem), cancelled: z.boolean() }),
    progress: fleetPowerItem,
    example: { operationId: 'op-example-0002', hostIds: ['h0example01'] },
  }),
};
