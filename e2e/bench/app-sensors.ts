// Bench section `sensors` (BENCH_SECTIONS=sensors): the app path for sensors.list — the IPC dispatcher,
// the pooled session already open, the SDR cache service — cold (refresh: the SDR read from the BMC)
// and warm (one Get SDR Repository Info, then every reading and threshold in flight at once), against
// `ipmitool sensor list` in the same run (a process and a session per run; ipmitool has no SDR cache, so
// it walks the repository every time). Datagrams are counted by a lossless proxy in front of the lab
// BMC. The machine is shared: compare the ratios, not the absolute milliseconds.
import { appVsRefTable, BENCH_HOST_ID, ipmitoolOk, measure, withLabApp, type Sample } from './bench-harness';

const REF_LABEL = 'ipmitool -C 3 sensor list';

/** Prints the sensors.list rows; `runs` samples per row. */
export async function benchAppSensors(runs: number): Promise<void> {
  const rows = await withLabApp(async (app, proxy) => {
    let op = 0;
    const list = (refresh: boolean) => async () => {
      const r = await app.dispatch('sensors.list', {
        hostId: BENCH_HOST_ID,
        operationId: `op-bench-sens-${++op}`,
        refresh,
      });
      return r.ok && (r.value as { sdrSource: string }).sdrSource === (refresh ? 'bmc' : 'cache');
    };
    await app.services.pool.use(BENCH_HOST_ID, async () => undefined); // log in once, as an open host page has
    const theirs: Sample[] = [];
    const cold: Sample[] = [];
    const warm: Sample[] = [];
    // interleaved, so a change in the shared machine's load hits all three alike
    for (let i = 0; i < runs; i++) {
      theirs.push(await measure(proxy, () => ipmitoolOk(proxy, ['sensor', 'list'])));
      cold.push(await measure(proxy, list(true)));
      warm.push(await measure(proxy, list(false)));
    }
    return [
      { op: 'sensors.list, cold SDR (refresh)', app: cold, ref: theirs, refLabel: REF_LABEL },
      { op: 'sensors.list, warm SDR cache', app: warm, ref: theirs, refLabel: REF_LABEL },
    ];
  });
  const lines = [
    '',
    `App path: sensors.list through the IPC dispatcher on an open pooled session, median of ${runs} runs, datagrams sent/received`,
    '(shared machine: quote the ratio, not the milliseconds)',
    '',
    ...appVsRefTable(rows),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
