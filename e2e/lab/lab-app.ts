// Peer-test support: an app instance (test-app.ts) whose hosts are lab BMCs, each logged in as a lab user
// with its password in the app's credential store, over lanplus suite 3 (what ipmi_sim offers) unless the
// test asks otherwise; and the dispatcher call helpers that unwrap the envelope.
import { connect, type ConnectOptions, type IpmiSession } from '../../electron/ipmi/client/connect';
import type { Host } from '../../shared/domain/host';
import type { Envelope, ErrorData } from '../../shared/errors';
import { LAB_USERS, type LabUser } from './lab-users';
import { testApp } from '../../electron/ipc/test-app';
import type { App } from '../../electron/ipc/app-services';

export const LAB_HOST_ID = 'h0labhost01';

/** A lab BMC as a host record needs it. */
export type LabTarget = { host: string; port: number };

export interface LabHostOptions {
  /** default LAB_HOST_ID */
  id?: string;
  /** default the id ('lab' for LAB_HOST_ID) */
  name?: string;
  /** default 3: ipmi_sim ignores pre-session Get Channel Cipher Suites, pyghmi answers suite 3 to all */
  cipherSuite?: Host['cipherSuite'];
  /** default the user's own level */
  privilege?: Host['privilege'];
}

export interface LabHostSpec extends LabHostOptions {
  bmc: LabTarget;
  /** the account the host logs in as; default LAB_USERS.admin */
  user?: LabUser;
  /** the password stored for the host; default the user's (a wrong one tests the error paths) */
  password?: string;
}

export interface LabAppOptions {
  /** the sessions' request timeout in ms; default 500 (loopback answers in well under that); null keeps
   *  the stack's own default */
  timeoutMs?: number | null;
  /** sees every session the app opens, with what it was opened with; may return a wrapper to use instead */
  onSession?: (session: IpmiSession, options: ConnectOptions) => IpmiSession | void;
  log?: (line: string) => void;
}

export type LabApp = App & { dir: string; hosts: Host[] };

export function labHost(bmc: LabTarget, user: LabUser = LAB_USERS.admin, o: LabHostOptions = {}): Host {
  const id = o.id ?? LAB_HOST_ID;
  return {
    id,
    name: o.name ?? (id === LAB_HOST_ID ? 'lab' : id),
    address: bmc.host,
    port: bmc.port,
    username: user.name,
    interface: 'lanplus',
    cipherSuite: o.cipherSuite ?? 3,
    privilege: o.privilege ?? user.privilege,
    groups: [],
    notes: '',
  };
}

/** An app whose inventory is these lab hosts, their passwords in its credential store, the real connect. */
export async function labHostsApp(specs: LabHostSpec[], o: LabAppOptions = {}): Promise<LabApp> {
  const hosts = specs.map((s) => labHost(s.bmc, s.user, s));
  const passwords = Object.fromEntries(
    specs.map((s, i) => [hosts[i]!.id, s.password ?? (s.user ?? LAB_USERS.admin).password]),
  );
  const timeoutMs = o.timeoutMs === undefined ? 500 : o.timeoutMs;
  const app = await testApp({
    hosts,
    passwords,
    connect: async (co) => {
      const s = await connect(timeoutMs === null ? co : { ...co, timeoutMs });
      return o.onSession?.(s, co) ?? s;
    },
    ...(o.log ? { log: o.log } : {}),
  });
  return Object.assign(app, { hosts });
}

/** An app whose one host (LAB_HOST_ID unless `id` says otherwise) is this lab BMC, logged in as `user`. */
export async function labApp(
  bmc: LabTarget,
  user: LabUser = LAB_USERS.admin,
  o: Omit<LabHostSpec, 'bmc' | 'user'> & LabAppOptions = {},
): Promise<LabApp> {
  return labHostsApp([{ ...o, bmc, user }], o);
}

/** An envelope unwrapped: the value, or the error data thrown as an Error carrying it (`data`). */
export async function unwrap<T = unknown>(envelope: Promise<Envelope<unknown>>, name = 'call'): Promise<T> {
  const r = await envelope;
  if (!r.ok)
    throw Object.assign(
      new Error(`${name}: ${r.error.code}: ${r.error.message} ${JSON.stringify(r.error)}`),
      {
        data: r.error,
      },
    );
  return r.value as T;
}

/** dispatch, unwrapped (see unwrap); hostId defaults to LAB_HOST_ID. */
export function callOk<T = unknown>(app: App, name: string, args: Record<string, unknown>): Promise<T> {
  return unwrap<T>(app.dispatch(name, { hostId: LAB_HOST_ID, ...args }), name);
}

/** dispatch expected to fail: its error data, or an Error naming the value it answered instead. */
export async function callErr(app: App, name: string, args: Record<string, unknown>): Promise<ErrorData> {
  const r = await app.dispatch(name, { hostId: LAB_HOST_ID, ...args });
  if (r.ok) throw new Error(`${name} succeeded: ${JSON.stringify(r.value)}`);
  return r.error;
}

/** An operation.progress event as the app emits it. */
export type ProgressEvent<T = unknown> = { operationId: string; done: number; total: number; item: T };

/** Pushes every operation.progress event the app emits onto `into`; returns the unsubscribe. */
export function recordProgress<T>(app: App, into: ProgressEvent<T>[]): () => void {
  return app.services.events.subscribe((name, payload) => {
    if (name === 'operation.progress') into.push(payload as ProgressEvent<T>);
  });
}
