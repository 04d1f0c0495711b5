// Bench section `sel` (BENCH_SECTIONS=sel): the app's sel.list on an open pooled session, through the
// real IPC dispatcher, against ipmitool (a new process and session per run) on the same lab BMC in the
// same run. Both go through a lossless counting proxy, so datagrams are what each put on the wire.
// The SEL is the lab's 10 records; "with sensors" reads the SDR for names and units each time, as
// ipmitool's elist does (the app's SDR cache would make it one request).
import {
  appVsRefTable,
  BENCH_HOST_ID,
  ipmitoolOk,
  repeat,
  withLabApp,
  type AppVsRefRow,
} from './bench-harness';

/** Prints the sel.list rows (markdown) on stdout. */
export async function appSelBench(o: { runs: number }): Promise<void> {
  const rows = await withLabApp(async (app, proxy) => {
    let op = 0;
    const list = (sensors: boolean) => async () => {
      const r = await app.dispatch('sel.list', {
        hostId: BENCH_HOST_ID,
        operationId: `op-bench-sel-${op++}`,
        sensors,
      });
      return r.ok;
    };
    const ipmitool = (args: string[]) => () => ipmitoolOk(proxy, args, { env: { TZ: 'UTC' } });
    await list(false)(); // opens the pooled session, as a host already being viewed has
    const out: AppVsRefRow[] = [];
    out.push({
      op: 'sel.list (no sensor names)',
      app: await repeat(proxy, o.runs, list(false)),
      ref: await repeat(proxy, o.runs, ipmitool(['sel', 'list'])),
      refLabel: 'ipmitool -C 3 sel list',
    });
    out.push({
      op: 'sel.list (sensor names, SDR read)',
      app: await repeat(proxy, o.runs, list(true)),
      ref: await repeat(proxy, o.runs, ipmitool(['sel', 'elist'])),
      refLabel: 'ipmitool -C 3 sel elist',
    });
    return out;
  });
  const lines = [
    `sel.list — app call on an open session vs ipmitool (new process and session), lab SEL of 10 records, median of ${o.runs} runs, datagrams sent/received`,
    '',
    ...appVsRefTable(rows),
  ];
  process.stdout.write('\n' + lines.join('\n') + '\n');
}
