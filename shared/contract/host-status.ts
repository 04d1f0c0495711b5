// Background host status: main polls every host's power state (often) and sensors (less often) and
// pushes what changed as one 'hosts.status' event per tick (shared/contract/events.ts); the renderer
// starts from hostStatus.snapshot and applies the batches. The poller is electron/services/host-status.
import { z } from 'zod';
import { call, noArgs } from './define';
import { hostId } from '../domain/host';
import { errorData } from '../errors';

/** 'unknown': not read yet, or the host cannot be asked (unreachable, wrong password). */
export const hostPower = z.enum(['on', 'off', 'unknown']);
export type HostPower = z.infer<typeof hostPower>;

/**
 * The health dot: the worst sensor severity of the last sensor read (ok, warning = non-critical,
 * critical = critical or non-recoverable), or why the host could not be asked. 'pending': not polled
 * yet. 'auth-failed': the BMC refused the login (error.code says wrong-password / unknown-user /
 * auth-failed); it is not retried every cycle, so an account lock-out policy is not tripped.
 * 'no-password': nothing stored to log in with. 'error': any other failure (error says which).
 */
export const hostHealth = z.enum([
  'pending',
  'ok',
  'warning',
  'critical',
  'unreachable',
  'auth-failed',
  'no-password',
  'error',
]);
export type HostHealth = z.infer<typeof hostHealth>;

export const hostStatus = z.strictObject({
  hostId,
  power: hostPower,
  health: hostHealth,
  /** sensors at the worst severity of the last sensor read (0 when health is ok) */
  sensorsAtWorst: z.number().int().min(0).optional(),
  /** when the BMC last answered (epoch ms) */
  lastSeen: z.number().int().optional(),
  /** since when the host has not answered (epoch ms), while health is 'unreachable' */
  unreachableSince: z.number().int().optional(),
  /** the failure behind unreachable / auth-failed / no-password / error */
  error: errorData.optional(),
});
export type HostStatus = z.infer<typeof hostStatus>;

export const hostStatusConfig = z.strictObject({
  /** how often each host's power state is read; hosts are staggered across it (default 30 s) */
  intervalMs: z.number().int().min(500).max(3_600_000),
  /** the sensors are read on every n-th poll of a host (default 4: every 2 min at 30 s) */
  sensorEvery: z.number().int().min(1).max(1000),
  /** hosts polled at once (default 16) */
  concurrency: z.number().int().min(1).max(256),
  /** cap of the exponential back-off of an unreachable host (default 5 min) */
  backoffCapMs: z.number().int().min(500).max(3_600_000),
  /** a host whose login was refused is tried again after this, or at once when its password or
   *  login settings change (default 30 min) */
  authRetryMs: z.number().int().min(500).max(86_400_000),
});
export type HostStatusConfig = z.infer<typeof hostStatusConfig>;

export const hostStatusCalls = {
  'hostStatus.snapshot': call({
    summary: 'The last known status of every host (then follow the hosts.status event)',
    privilege: 'none',
    input: noArgs,
    output: z.strictObject({ hosts: z.array(hostStatus), config: hostStatusConfig }),
    example: {},
  }),
  'hostStatus.configure': call({
    summary: 'Change the background polling (interval, sensor cadence, concurrency, back-off)',
    privilege: 'none',
    input: hostStatusConfig.partial(),
    output: hostStatusConfig,
    example: { intervalMs: 30_000 },
  }),
};
