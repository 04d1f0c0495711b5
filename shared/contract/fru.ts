// FRU inventory of one host: the built-in FRU and the SDR's logical FRU devices, decoded.
import { z } from 'zod';
import { call, operationId } from './define';
import { hostId } from '../domain/host';
import { fruDevice } from '../domain/fru';

export const fruCalls = {
  'fru.read': call({
    summary:
      'FRU inventory: one device, or the built-in FRU and every FRU device the SDR lists (progress per device)',
    privilege: 'user',
    input: z.strictObject({
      hostId,
      operationId,
      /** only this FRU device (0 = the BMC's built-in FRU) */
      deviceId: z.number().int().min(0).max(254).optional(),
    }),
    output: z.strictObject({ devices: z.array(fruDevice) }),
    progress: fruDevice,
    example: { hostId: 'h0example01', operationId: 'op-example-0004' },
  }),
};
