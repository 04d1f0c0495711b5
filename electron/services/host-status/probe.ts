// One background ask of one host, for the poller: Get Chassis Status, and when asked for, the SDR (from
// the app's SDR cache: one Get SDR Repository Info when warm) and every sensor reading, summarised as the
// worst severity. Runs through runFleet, so a host whose session is open in the pool is asked through
// it and any other host gets a one-shot session at User privilege that is closed right after: polling a
// thousand hosts neither fills the pool nor keeps sessions open on the BMCs.
import { createHash } from 'node:crypto';
import { decodeChassisStatus, GET_CHASSIS_STATUS } from '../../ipmi/commands/chassis/get-chassis-status';
import { call } from '../../ipmi/commands/command-spec';
import { IpmiError } from '../../ipmi/errors';
import { readSensorViews } from '../../views/sensor';
import type { Host } from '../../../shared/domain/host';
import type { SensorSeverity } from '../../../shared/domain/sensor';
import { runFleet, type FleetAction, type FleetTarget } from '../fleet';
import { NoPasswordError, type SessionPool } from '../session-pool';
import { SdrCache } from '../sdr-cache';
import type { Probe, ProbeOutcome, SensorSummary } from './poller';
import type { ErrorData } from '../../../shared/errors';

export interface ProbeServices {
  inventory: { require(hostId: string): Host };
  pool: Pick<SessionPool, 'openRequester' | 'password' | 'connectUnpooled'>;
  sdr: Pick<SdrCache, 'load'>;
  /** makes any failure plain data (the IPC layer's toErrorData) */
  toErrorData: (e: unknown) => ErrorData;
}

/** A password's fingerprint: tells the poller the stored password changed, and nothing else. */
export function credentialFingerprint(password: string | Uint8Array): string {
  return createHash('sha256').update('bmcdesk-status\0').update(password).digest('hex').slice(0, 16);
}

const UNREACHABLE = new Set(['timeout', 'closed']);
const REFUSED = new Set(['wrong-password', 'unknown-user', 'auth-failed']);

/** Worst of the sensors' severities: non-recoverable counts as critical; sensors without a reading
 *  (unknown) do not count. */
export function summarizeSensors(severities: readonly SensorSeverity[]): SensorSummary {
  const critical = severities.filter((s) => s === 'critical' || s === 'non-recoverable').length;
  if (critical > 0) return { worst: 'critical', count: critical };
  const warning = severities.filter((s) => s === 'warning').length;
  return warning > 0 ? { worst: 'warning', count: warning } : { worst: 'ok', count: 0 };
}

export function createProbe(s: ProbeServices): Probe {
  return async (hostId, { sensors, signal }) => {
    let host: Host;
    let target: FleetTarget;
    let credential: string | undefined;
    try {
      host = s.inventory.require(hostId);
      const session = s.pool.openRequester(hostId);
      if (session) {
        target = { host: host.address, port: host.port, session };
      } else {
        const password = await s.pool.password(host);
        credential = credentialFingerprint(password);
        target = {
          host: host.address,
          port: host.port,
          username: host.username,
          password,
          interface: host.interface,
          cipherSuite: host.cipherSuite,
        };
      }
    } catch (e) {
      if (e instanceof NoPasswordError) return { kind: 'no-password', error: s.toErrorData(e) };
      return { kind: 'error', error: s.toErrorData(e) };
    }
    type Answer = { powerOn: boolean; sensors?: SensorSummary; sensorsError?: ErrorData };
    const action: FleetAction<Answer> = {
      name: 'status poll',
      privilege: 'user',
      run: async (r) => {
        const st = decodeChassisStatus(
          await call(r, GET_CHASSIS_STATUS, undefined, { signal }),
          host.address,
        );
        if (!sensors) return { powerOn: st.powerOn };
        try {
          const sdr = await s.sdr.load(r, SdrCache.key(host), { signal });
          const views = await readSensorViews(r, sdr.records, { signal, thresholds: false });
          return { powerOn: st.powerOn, sensors: summarizeSensors(views.map((v) => v.severity)) };
        } catch (e) {
          // the BMC stopped answering midway: the host is unreachable, not just its sensors
          if (e instanceof IpmiError && UNREACHABLE.has(e.kind)) throw e;
          return { powerOn: st.powerOn, sensorsError: s.toErrorData(e) };
        }
      },
    };
    const report = await runFleet([target], action, {
      signal,
      // as in fleetOnHosts: no text of a non-IPMI connect failure may reach the renderer
      connect: (c) =>
        s.pool.connectUnpooled(c).catch((e: unknown) => {
          throw e instanceof IpmiError
            ? e
            : new IpmiError('protocol', `${c.host}: internal error while logging in`, { host: c.host });
        }),
    });
    const r = report.results[0];
    if (!r) return { kind: 'error', error: { code: 'cancelled', message: 'cancelled' } };
    if (r.ok) {
      const out: ProbeOutcome = { kind: 'ok', power: r.value.powerOn ? 'on' : 'off' };
      if (r.value.sensors) out.sensors = r.value.sensors;
      if (r.value.sensorsError) out.sensorsError = r.value.sensorsError;
      return out;
    }
    const error = s.toErrorData(r.error);
    if (UNREACHABLE.has(r.error.kind)) return { kind: 'unreachable', error };
    if (REFUSED.has(r.error.kind)) return { kind: 'auth-failed', error, credential };
    return { kind: 'error', error };
  };
}
