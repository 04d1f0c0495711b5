// Fleet benchmark (second part of `npm run bench`): power status of 256 lab BMCs (ipmi_sim instances, each
// on its own loopback address 127.0.1.N / 127.0.2.N at port 623, a free port where 623 is taken), measured
// in the same run for our fleetPowerStatus (in process, one shared UDP socket) and FreeIPMI
// `ipmipower --stat` (one process for all hosts, password from a 0600 config file, never argv). Both log in
// at User privilege with cipher suite 3 (ipmi_sim: -W opensesspriv for FreeIPMI). Datagrams: ours from the
// sessions' own counters; ipmipower's from a separate run under `strace -c` (the timed runs are plain).
// Env: FLEET_BMCS (default 256), FLEET_RUNS (default 5), FLEET_BATCH (default 32 BMCs started at once).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FleetTarget } from '../../electron/services/fleet';
import { fleetPowerStatus } from '../../electron/services/fleet-actions';
import { UdpEndpoint } from '../../electron/ipmi/transport/udp-endpoint';
import { ipmitool, LAB_USERS, startLabBmc, type LabBmc } from '../lab/bmc-lab';

const N = Number(process.env.FLEET_BMCS ?? 256);
const RUNS = Number(process.env.FLEET_RUNS ?? 5);
const BATCH = Number(process.env.FLEET_BATCH ?? 32);
const admin = LAB_USERS.admin;

/** The i-th fleet address: 127.0.1.1 … 127.0.1.250, then 127.0.2.1 …; all on lo without configuration. */
const fleetAddress = (i: number) => `127.0.${1 + Math.floor(i / 250)}.${1 + (i % 250)}`;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

function run(cmd: string, args: string[]): Promise<{ code: number; ms: number; out: string; err: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (err += d));
    p.on('error', reject);
    p.on('close', (code) => resolve({ code: code ?? 1, ms: performance.now() - t0, out, err }));
  });
}

/** FreeIPMI hostlist: consecutive last octets on port 623 as ranges, anything else as host:port. */
function hostlist(bmcs: readonly LabBmc[]): string {
  const groups = new Map<string, number[]>();
  const single: string[] = [];
  for (const b of bmcs) {
    const m = /^(\d+\.\d+\.\d+)\.(\d+)$/.exec(b.host);
    if (b.port !== 623 || !m) single.push(`${b.host}:${b.port}`);
    else groups.set(m[1]!, [...(groups.get(m[1]!) ?? []), Number(m[2])]);
  }
  const parts: string[] = [];
  for (const [prefix, octets] of groups) {
    octets.sort((a, b) => a - b);
    const ranges: string[] = [];
    for (let i = 0; i < octets.length;) {
      let j = i;
      while (j + 1 < octets.length && octets[j + 1] === octets[j]! + 1) j++;
      ranges.push(i === j ? `${octets[i]}` : `${octets[i]}-${octets[j]}`);
      i = j + 1;
    }
    parts.push(`${prefix}.[${ranges.join(',')}]`);
  }
  return [...parts, ...single].join(',');
}

async function startFleet(): Promise<{ bmcs: LabBmc[]; failures: string[] }> {
  const bmcs: LabBmc[] = [];
  const failures: string[] = [];
  for (let i = 0; i < N; i += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, N - i) }, (_, k) => i + k);
    const started = await Promise.allSettled(
      batch.map((k) => startLabBmc({ address: fleetAddress(k), port: 623, satellite: false })),
    );
    for (const [k, s] of started.entries()) {
      if (s.status === 'fulfilled') bmcs.push(s.value);
      else failures.push(`${fleetAddress(batch[k]!)}: ${String(s.reason).split('\n')[0]}`);
    }
    process.stdout.write(`\r  started ${bmcs.length}/${N} lab BMCs`);
  }
  process.stdout.write('\n');
  return { bmcs, failures };
}

async function main(): Promise<void> {
  console.log(`\nFleet: power status of ${N} lab BMCs (ipmi_sim), ours vs FreeIPMI ipmipower, same run`);
  const t0 = performance.now();
  const { bmcs, failures } = await startFleet();
  const home = await mkdtemp(join(tmpdir(), 'bmcdesk-fleet-bench-'));
  try {
    console.log(
      `  lab up in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${bmcs.length} BMCs, ${bmcs.filter((b) => b.port === 623).length} on port 623 of their own address`,
    );
    if (failures.length)
      console.log(`  ${failures.length} did not start, e.g. ${failures.slice(0, 3).join('; ')}`);
    if (bmcs.length === 0) throw new Error('no lab BMC started');

    // Every third BMC powered on (by ipmitool), so both tools must tell on from off.
    const on = bmcs.filter((_, i) => i % 3 === 0);
    for (let i = 0; i < on.length; i += BATCH)
      await Promise.all(on.slice(i, i + BATCH).map((b) => ipmitool(b, ['chassis', 'power', 'on'])));

    // ---- ours
    const endpoint = new UdpEndpoint();
    const targets: FleetTarget[] = bmcs.map((b) => ({
      host: b.host,
      port: b.port,
      username: admin.name,
      password: admin.password,
    }));
    const ours: {
      ms: number;
      cpuMs: number;
      ok: number;
      sent: number;
      received: number;
      retransmits: number;
    }[] = [];
    let oursPower: (boolean | undefined)[] = [];
    for (let r = 0; r < RUNS; r++) {
      const cpu0 = process.cpuUsage();
      const rep = await fleetPowerStatus(targets, { endpoint });
      const cpu = process.cpuUsage(cpu0);
      ours.push({
        ms: rep.ms,
        cpuMs: (cpu.user + cpu.system) / 1000,
        ok: rep.results.filter((x) => x.ok).length,
        ...rep.datagrams,
      });
      const failed = rep.results.flatMap((x) => (x.ok ? [] : [`${x.host}: ${x.error.kind}`]));
      if (failed.length)
        console.log(`  run ${r + 1}: ${failed.length} failed, e.g. ${failed.slice(0, 3).join('; ')}`);
      oursPower = bmcs.map((_, i) => {
        const x = rep.results[i];
        return x?.ok ? x.value.powerOn : undefined;
      });
      await new Promise((res) => setTimeout(res, 100));
    }
    endpoint.close();

    // ---- ipmipower
    const conf = join(home, 'freeipmi.conf');
    await writeFile(
      conf,
      [
        'driver-type LAN_2_0',
        `username ${admin.name}`,
        `password ${admin.password}`,
        'privilege-level USER',
        'cipher-suite-id 3',
        'workaround-flags opensesspriv',
        '',
      ].join('\n'),
      { mode: 0o600 },
    );
    const hl = hostlist(bmcs);
    const ipmipowerArgs = ['--config-file', conf, '-h', hl, '--stat'];
    const theirs: { ms: number; ok: number }[] = [];
    let theirPower = new Map<string, boolean>();
    for (let r = 0; r < RUNS; r++) {
      const res = await run('ipmipower', ipmipowerArgs);
      theirPower = new Map();
      for (const line of res.out.split('\n')) {
        const m = /^(\S+): (on|off)$/.exec(line.trim());
        if (m) theirPower.set(m[1]!, m[2] === 'on');
      }
      theirs.push({ ms: res.ms, ok: theirPower.size });
      if (r === 0 && theirPower.size < bmcs.length)
        console.log(
          `  ipmipower: ${theirPower.size}/${bmcs.length} answered; ${(res.err || res.out).split('\n').slice(0, 3).join(' | ')}`,
        );
      await new Promise((res) => setTimeout(res, 100));
    }
    // datagrams: one more ipmipower run under strace -c (sendto/recvfrom calls; failed recvs are EAGAIN)
    const traceFile = join(home, 'strace.txt');
    const traced = await run('strace', [
      '-f',
      '-c',
      '-o',
      traceFile,
      '-e',
      'trace=sendto,recvfrom,sendmsg,recvmsg',
      'ipmipower',
      ...ipmipowerArgs,
    ]).catch(() => undefined);
    let theirSent: number | undefined;
    let theirReceived: number | undefined;
    if (traced) {
      const text = await readFile(traceFile, 'utf8').catch(() => '');
      for (const line of text.split('\n')) {
        const f = line.trim().split(/\s+/);
        const name = f[f.length - 1];
        if (!name || !/^(sendto|recvfrom|sendmsg|recvmsg)$/.test(name)) continue;
        // columns: % time, seconds, usecs/call, calls, [errors], syscall
        const calls = Number(f[3]);
        const errors = f.length === 6 ? Number(f[4]) : 0;
        if (name.startsWith('send')) theirSent = (theirSent ?? 0) + calls - errors;
        else theirReceived = (theirReceived ?? 0) + calls - errors;
      }
    }

    // ---- agreement (last run of each)
    let agree = 0;
    let disagree = 0;
    for (const [i, b] of bmcs.entries()) {
      const key = b.port === 623 ? b.host : `${b.host}:${b.port}`;
      const t = theirPower.get(key) ?? theirPower.get(b.host);
      if (t === undefined || oursPower[i] === undefined) continue;
      if (t === oursPower[i]) agree++;
      else disagree++;
    }

    const oMs = median(ours.map((x) => x.ms));
    const tMs = median(theirs.map((x) => x.ms));
    const last = ours[ours.length - 1]!;
    const pad = (s: string, n: number) => s.padEnd(n);
    console.log(
      `\n  ${pad('tool', 44)} ${pad('answered', 10)} ${pad('first run', 11)} ${pad(`median of ${RUNS}`, 13)} datagrams sent/received`,
    );
    console.log(
      `  ${pad('bmcdesk fleetPowerStatus (in process)', 44)} ${pad(`${last.ok}/${bmcs.length}`, 10)} ${pad(`${ours[0]!.ms.toFixed(0)} ms`, 11)} ${pad(`${oMs.toFixed(0)} ms`, 13)} ${last.sent}/${last.received} (${(last.sent / bmcs.length).toFixed(1)} sent per host; first run ${ours[0]!.sent}, retransmits ${last.retransmits})`,
    );
    console.log(
      `  ${pad('FreeIPMI ipmipower --stat (-l USER -C 3)', 44)} ${pad(`${theirs[theirs.length - 1]!.ok}/${bmcs.length}`, 10)} ${pad(`${theirs[0]!.ms.toFixed(0)} ms`, 11)} ${pad(`${tMs.toFixed(0)} ms`, 13)} ${theirSent ?? '?'}/${theirReceived ?? '?'}${theirSent !== undefined ? ` (${(theirSent / bmcs.length).toFixed(1)} sent per host, strace -c run)` : ''}`,
    );
    console.log(
      `  ours: CPU time of this process per run (user+system), median ${median(ours.map((x) => x.cpuMs)).toFixed(0)} ms (${((median(ours.map((x) => x.cpuMs)) * 1000) / bmcs.length).toFixed(0)} µs per host); runs ${ours.map((x) => x.ms.toFixed(0)).join(', ')} ms`,
    );
    console.log(
      `  ratio ipmipower/ours (median wall time): ${(tMs / oMs).toFixed(1)}x; results agree on ${agree} BMCs, differ on ${disagree}`,
    );
    console.log(
      `  target: under 1 s for 256 BMCs on a 2-core machine -> ${N === 256 && bmcs.length === 256 ? (oMs < 1000 ? 'met' : 'NOT met') : `ran ${bmcs.length} BMCs`} (ours ${oMs.toFixed(0)} ms)`,
    );
  } finally {
    const t1 = performance.now();
    await Promise.all(bmcs.map((b) => b.stop()));
    await rm(home, { recursive: true, force: true });
    console.log(`  stopped ${bmcs.length} lab BMCs in ${((performance.now() - t1) / 1000).toFixed(1)} s`);
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
