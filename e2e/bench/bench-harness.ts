// What the bench sections share: a lossless counting proxy in front of a BMC on 127.0.0.1, timed samples
// with the datagrams each put on the wire, an app instance or an open session behind the proxy, ipmitool
// as the reference client, and the markdown tables with their ratios. A section file holds only what it
// measures and how its table reads.
import { connect, type ConnectOptions, type IpmiSession } from '../../electron/ipmi/client/connect';
import { UdpEndpoint } from '../../electron/ipmi/transport/udp-endpoint';
import { testApp } from '../../electron/ipc/test-app';
import { startLabBmc } from '../lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentProxy } from '../lab/impairment-proxy';
import { ipmitool, type IpmitoolOptions } from '../lab/ipmi-tools';
import { LAB_HOST_ID, labHost } from '../lab/lab-app';
import { LAB_USERS } from '../lab/lab-users';

export const admin = LAB_USERS.admin;
/** the id of the one host of a bench app (benchApp, withLabApp) */
export const BENCH_HOST_ID = LAB_HOST_ID;

export interface Sample {
  ms: number;
  sent: number;
  received: number;
  ok: boolean;
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** A lossless proxy to 127.0.0.1:bmcPort that counts datagrams each way, open while f runs. */
export async function withCountingProxy<T>(
  bmcPort: number,
  f: (proxy: ImpairmentProxy) => Promise<T>,
  /** one-way delay added to every datagram (ms), e.g. 1 for a LAN-like round trip */
  delayMs = 0,
): Promise<T> {
  const proxy = await startImpairmentProxy(
    { host: '127.0.0.1', port: bmcPort },
    { drop: 0, reorder: 0, delayMs },
  );
  try {
    return await f(proxy);
  } finally {
    proxy.close();
  }
}

/** Times f and counts the datagrams it caused; f resolving to false marks the sample failed. */
export async function measure(proxy: ImpairmentProxy, f: () => Promise<boolean | void>): Promise<Sample> {
  const s0 = proxy.stats.toBmc;
  const r0 = proxy.stats.fromBmc;
  const t0 = performance.now();
  const ok = (await f()) !== false;
  const ms = performance.now() - t0;
  await new Promise((res) => setTimeout(res, 20)); // stragglers (close-session replies) still count
  return { ms, ok, sent: proxy.stats.toBmc - s0, received: proxy.stats.fromBmc - r0 };
}

/** `runs` samples of f, one after another. */
export async function repeat(
  proxy: ImpairmentProxy,
  runs: number,
  f: () => Promise<boolean | void>,
): Promise<Sample[]> {
  const out: Sample[] = [];
  for (let i = 0; i < runs; i++) out.push(await measure(proxy, f));
  return out;
}

export type BenchApp = Awaited<ReturnType<typeof testApp>>;

/** An app whose one host (BENCH_HOST_ID) is the BMC behind `proxy`, lanplus suite 3 as the lab admin. */
export function benchApp(proxy: ImpairmentProxy, connectTimeoutMs?: number): Promise<BenchApp> {
  return testApp({
    hosts: [labHost({ host: '127.0.0.1', port: proxy.port }, admin)],
    passwords: { [BENCH_HOST_ID]: admin.password },
    connect: (o: ConnectOptions) => connect(connectTimeoutMs ? { ...o, timeoutMs: connectTimeoutMs } : o),
  });
}

/** The ipmi_sim lab BMC (no satellite MC), a counting proxy and a bench app on it, for f; all stopped after. */
export async function withLabApp<T>(f: (app: BenchApp, proxy: ImpairmentProxy) => Promise<T>): Promise<T> {
  const lab = await startLabBmc({ satellite: false });
  try {
    return await withCountingProxy(lab.port, async (proxy) => {
      const app = await benchApp(proxy);
      try {
        return await f(app, proxy);
      } finally {
        await app.shutdown();
      }
    });
  } finally {
    await lab.stop();
  }
}

/**
 * A session (lanplus suite 3, the lab admin) to the BMC behind `proxy` on its own endpoint, as the app's
 * pool holds one; f closes the session when its rows want it closed, the endpoint is closed after f.
 */
export async function withSession<T>(
  proxy: ImpairmentProxy,
  f: (session: IpmiSession) => Promise<T>,
): Promise<T> {
  const endpoint = new UdpEndpoint();
  try {
    const session = await connect({
      host: '127.0.0.1',
      port: proxy.port,
      username: admin.name,
      password: admin.password,
      cipherSuite: 3,
      endpoint,
    });
    return await f(session);
  } finally {
    endpoint.close();
  }
}

/** `ipmitool -I lanplus -C 3 … <args>` as the lab admin through `proxy` (a new process and session); true if it exited 0. */
export async function ipmitoolOk(
  proxy: ImpairmentProxy,
  args: string[],
  opts: IpmitoolOptions = {},
): Promise<boolean> {
  return (await ipmitool({ port: proxy.port }, args, { user: admin, ...opts })).code === 0;
}

/** the median datagrams as `sent/received` */
export const datagrams = (s: readonly Sample[]): string =>
  `${median(s.map((x) => x.sent))}/${median(s.map((x) => x.received))}`;
export const medianMs = (s: readonly Sample[]): number => median(s.map((x) => x.ms));
export const ratio = (refMs: number, ms: number): string => `${(refMs / ms).toFixed(1)}x`;
/** '' if every sample succeeded, else ` (a <what> failed!)` to mark the row */
export const failedNote = (samples: readonly (readonly Sample[])[], what = 'run'): string =>
  samples.every((s) => s.every((x) => x.ok)) ? '' : ` (a ${what} failed!)`;

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.join(' | ')} |`),
  ];
}

export interface AppVsRefRow {
  op: string;
  app: Sample[];
  ref: Sample[];
  /** the reference's command, in its own column (without `refName`) */
  refLabel?: string;
}

/**
 * `| operation | app datagrams | app ms | reference | ref datagrams | ref ms | ratio ref/app |`; with
 * `refName` (one reference for every row) the reference column goes and that name heads its columns.
 */
export function appVsRefTable(
  rows: readonly AppVsRefRow[],
  o: { refName?: string; failed?: string } = {},
): string[] {
  const ref = o.refName ?? 'ref';
  const labelColumn = o.refName === undefined;
  return markdownTable(
    [
      'operation',
      'app datagrams',
      'app ms',
      ...(labelColumn ? ['reference'] : []),
      `${ref} datagrams`,
      `${ref} ms`,
      `ratio ${ref}/app`,
    ],
    rows.map((r) => [
      r.op,
      datagrams(r.app),
      medianMs(r.app).toFixed(1),
      ...(labelColumn ? [r.refLabel ?? ''] : []),
      datagrams(r.ref),
      medianMs(r.ref).toFixed(1),
      ratio(medianMs(r.ref), medianMs(r.app)) + failedNote([r.app, r.ref], o.failed),
    ]),
  );
}

/** `| operation | datagrams | ms | ratio ipmitool/this |`, every row against the `ref` samples (ipmitool's). */
export function ratioToIpmitoolTable(
  rows: readonly { op: string; samples: Sample[] }[],
  ref: readonly Sample[],
  msHeader = 'ms',
): string[] {
  return markdownTable(
    ['operation', 'datagrams', msHeader, 'ratio ipmitool/this'],
    rows.map((r) => [
      r.op,
      datagrams(r.samples),
      medianMs(r.samples).toFixed(1),
      ratio(medianMs(ref), medianMs(r.samples)) + failedNote([r.samples]),
    ]),
  );
}
