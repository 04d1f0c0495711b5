// Any request by number (vendor extensions). Of unknown effect, so administrator; never retransmitted
// early. The completion code is a result, not an error.
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';

const byte = z.number().int().min(0).max(255);

export const rawCalls = {
  'raw.send': call({
    summary: 'Send one IPMI request by NetFn/command with data bytes; answers with completion code and data',
    privilege: 'administrator',
    input: z.strictObject({
      hostId,
      netFn: z.number().int().min(0).max(0x3f),
      cmd: byte,
      data: z.array(byte).max(255).optional(),
      lun: z.number().int().min(0).max(3).optional(),
    }),
    output: z.strictObject({ completionCode: byte, data: z.array(byte) }),
    example: { hostId: 'h0example01', netFn: 0x06, cmd: 0x01 },
  }),
};
