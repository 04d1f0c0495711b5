// User calls (IPMI v2.0 §22.26-22.30). Writes that could cut the app off — disabling the user we log in
// as, or lowering its privilege below the host's session privilege — are refused by users.disable and
// users.setPrivilege with a `lockout` error; they go through users.plan + users.apply, where the verdict
// is shown and confirmed. Every other user write is a direct call, read back before it answers.
import { z } from 'zod';
import { call } from './define';
import { hostId } from '../domain/host';
import { applyArgs, plan } from '../domain/plan';
import { passwordTest, settablePrivilege, userChannel, userEntry, userId, usersView } from '../domain/user';

const passwordStorage = z.union([z.literal(16), z.literal(20)]);
/** printable or not, but never NUL (the BMC pads with NUL); bytes are checked against the storage size */
const password = z
  .string()
  .min(1)
  .max(20)
  .refine((p) => !p.includes('\0'), 'a password cannot contain NUL');

export const userChange = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('disable'), userId }),
  z.strictObject({
    kind: z.literal('privilege'),
    userId,
    channel: userChannel.optional(),
    privilege: settablePrivilege,
  }),
]);
export type UserChange = z.infer<typeof userChange>;

export const usersCalls = {
  'users.list': call({
    summary: 'Every user ID of a channel (default: the one we are connected on): name, access, privilege',
    privilege: 'operator',
    input: z.strictObject({ hostId, channel: userChannel.optional() }),
    output: usersView,
    example: { hostId: 'h0example01' },
  }),
  'users.setName': call({
    summary: 'Set a user name (at most 16 bytes); answers with the user read back',
    privilege: 'administrator',
    input: z.strictObject({ hostId, userId, name: z.string().min(1).max(16) }),
    output: userEntry,
    example: { hostId: 'h0example01', userId: 7, name: 'backup' },
  }),
  'users.setPassword': call({
    summary:
      'Set a password, stored in 16 or 20 bytes (default: 20 if longer than 16); verified with Test Password',
    privilege: 'administrator',
    input: z.strictObject({ hostId, userId, password, storage: passwordStorage.optional() }),
    output: z.strictObject({ userId, storage: passwordStorage }),
    example: { hostId: 'h0example01', userId: 7, password: 'example-pw', storage: 20 },
  }),
  'users.testPassword': call({
    summary: 'Test a password against the BMC (counts as a failed login on a mismatch)',
    privilege: 'administrator',
    input: z.strictObject({ hostId, userId, password, storage: passwordStorage }),
    output: z.strictObject({ result: passwordTest }),
    example: { hostId: 'h0example01', userId: 7, password: 'example-pw', storage: 16 },
  }),
  'users.setPrivilege': call({
    summary: 'Set a user privilege limit on a channel; refused (lockout) for a demotion of our own user',
    privilege: 'administrator',
    input: z.strictObject({ hostId, userId, channel: userChannel.optional(), privilege: settablePrivilege }),
    output: userEntry,
    example: { hostId: 'h0example01', userId: 7, privilege: 'operator' },
  }),
  'users.enable': call({
    summary: 'Enable a user',
    privilege: 'administrator',
    input: z.strictObject({ hostId, userId }),
    output: z.strictObject({ userId }),
    example: { hostId: 'h0example01', userId: 7 },
  }),
  'users.disable': call({
    summary: 'Disable a user; refused (lockout) for the user we log in as',
    privilege: 'administrator',
    input: z.strictObject({ hostId, userId }),
    output: z.strictObject({ userId }),
    example: { hostId: 'h0example01', userId: 7 },
  }),
  'users.plan': call({
    summary: 'Plan disabling a user or changing its privilege, with a lockout verdict for our own user',
    privilege: 'administrator',
    input: z.strictObject({ hostId, change: userChange }),
    output: plan,
    example: { hostId: 'h0example01', change: { kind: 'privilege', userId: 2, privilege: 'user' } },
  }),
  'users.apply': call({
    summary:
      'Carry out a users plan (a lockout verdict needs confirmLockout); answers with the users read back',
    privilege: 'administrator',
    input: z.strictObject({ hostId, ...applyArgs }),
    output: usersView,
    example: { hostId: 'h0example01', planId: 'plan-0123456789abcdef0123456789abcdef', confirmLockout: true },
  }),
};
