// SOL configuration of a channel: read, and change (each setting in the BMC's set-in-progress guard,
// then read back).
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';
import { solConfiguration, solSetting } from '../domain/sol';

/** 1..11; absent = the channel this session runs on (0x0E), as `ipmitool sol info` */
const channel = z.number().int().min(1).max(11).optional();

export const solCalls = {
  'sol.config.get': call({
    summary: 'SOL configuration parameters of a channel (Get SOL Configuration Parameters)',
    privilege: 'user',
    input: z.strictObject({ hostId, channel }),
    output: solConfiguration,
    example: { hostId: 'h0example01', channel: 1 },
  }),
  'sol.config.set': call({
    summary: 'Set SOL configuration parameters in order, then read them back',
    privilege: 'administrator',
    input: z.strictObject({ hostId, channel, settings: z.array(solSetting).min(1).max(10) }),
    output: solConfiguration,
    example: { hostId: 'h0example01', channel: 1, settings: [{ name: 'enabled', value: true }] },
  }),
};
