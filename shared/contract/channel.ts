// Channels of a BMC: what each one is, its RMCP+ cipher suites, and the maximum privilege of each suite
// changed as plan + apply (a suite's privilege can lock the app out of its next login).
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';
import { applyArgs, plan } from '../domain/plan';
import { channelInfo, cipherSuites } from '../domain/channel';
import { privilegeLevelName } from '../domain/lan';

/** 1..11, or 14 = the channel this session runs on; absent = 14, as ipmitool */
const channel = z.union([z.number().int().min(1).max(11), z.literal(14)]).optional();
/** cipher-suite privileges live in the LAN parameters: a LAN channel 1..11, absent = the first one */
const lanChannel = z.number().int().min(1).max(11).optional();

export const channelCalls = {
  'channel.info': call({
    summary: 'Get Channel Info, and for a LAN channel its volatile and non-volatile access settings',
    privilege: 'user',
    input: z.strictObject({ hostId, channel }),
    output: channelInfo,
    example: { hostId: 'h0example01', channel: 1 },
  }),
  'channel.cipherSuites': call({
    summary: 'RMCP+ cipher suites of a channel, with each suite’s maximum privilege on a LAN channel',
    privilege: 'operator',
    input: z.strictObject({ hostId, channel, payload: z.enum(['ipmi', 'sol']).optional() }),
    output: cipherSuites,
    example: { hostId: 'h0example01', channel: 1, payload: 'ipmi' },
  }),
  'channel.cipherPrivileges.plan': call({
    summary:
      'Plan new maximum privileges per cipher suite entry (LAN parameter 24); lockout when our own suite loses our privilege',
    privilege: 'administrator',
    input: z.strictObject({
      hostId,
      channel: lanChannel,
      /** by entry, as `lan print` lists them; entries not given stay as they are */
      privileges: z.array(privilegeLevelName).min(1).max(16),
    }),
    output: plan,
    example: { hostId: 'h0example01', channel: 1, privileges: ['unused', 'administrator'] },
  }),
  'channel.cipherPrivileges.apply': call({
    summary: 'Write a cipher suite privilege plan and read it back',
    privilege: 'administrator',
    input: z.strictObject({ hostId, ...applyArgs }),
    output: z.strictObject({ ok: z.boolean(), cipherSuites }),
    example: { hostId: 'h0example01', planId: 'plan-0123456789abcdef0123456789abcdef' },
  }),
};
