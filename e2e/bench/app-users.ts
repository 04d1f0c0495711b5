// Bench section `users` (BENCH_SECTIONS=users): users.list as the app runs it (readUsersView on an
// already open session: Get User Access for user 1, then every other request in flight at once within the
// session's window) against the same list read one request at a time on the same session, and against
// `ipmitool user list 1` (a new process and session per run), all in the same run on one lab BMC behind
// a lossless counting proxy, so datagrams are what crossed the wire. Twice: loopback as is, and with 1 ms
// added each way (a LAN-like 2 ms round trip), where keeping requests in flight pays. On bare loopback
// the counting proxy shares this process's event loop with the client, and with 16 requests in flight it
// is the proxy's forwarding that the first table mostly times (without the proxy, pipelined and one at a
// time are within a few ms of each other there: ipmi_sim answers in ~0.1 ms). Quote ratios, not
// absolute ms: the machine is shared.
import { getUserAccess } from '../../electron/ipmi/commands/app/get-user-access';
import { getUserName } from '../../electron/ipmi/commands/app/get-user-name';
import { readUsersView } from '../../electron/views/user';
import { startLabBmc } from '../lab/bmc-lab';
import { ipmitoolOk, ratioToIpmitoolTable, repeat, withCountingProxy, withSession } from './bench-harness';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CHANNEL = 1;

export async function appUsersBench(): Promise<void> {
  const lab = await startLabBmc({ satellite: false });
  try {
    for (const delayMs of [0, 1]) await table(lab.port, delayMs);
  } finally {
    await lab.stop();
  }
}

async function table(bmcPort: number, delayMs: number): Promise<void> {
  let users = 0;
  const rows = await withCountingProxy(
    bmcPort,
    (proxy) =>
      withSession(proxy, async (session) => {
        const pipelined = await repeat(proxy, RUNS, async () => {
          users = (await readUsersView(session, CHANNEL)).users.length;
        });
        const oneByOne = await repeat(proxy, RUNS, async () => {
          const max = (await getUserAccess(session, CHANNEL, 1)).maxUserIds;
          for (let id = 1; id <= max; id++) {
            if (id > 1) await getUserAccess(session, CHANNEL, id);
            await getUserName(session, id).catch(() => '');
          }
        });
        const ipmitool = await repeat(proxy, RUNS, () =>
          ipmitoolOk(proxy, ['user', 'list', String(CHANNEL)]),
        );
        await session.close();
        return [
          { op: 'users.list (app, pipelined)', samples: pipelined },
          { op: 'users.list, one request at a time', samples: oneByOne },
          { op: 'ipmitool user list 1 (new session)', samples: ipmitool },
        ];
      }),
    delayMs,
  );
  const lines = [
    '',
    `users.list — ipmi_sim on 127.0.0.1${delayMs ? `, +${delayMs} ms each way` : ''}, ${users} user IDs on channel ${CHANNEL}, median of ${RUNS} runs, datagrams sent/received`,
    '',
    ...ratioToIpmitoolTable(rows, rows[2]!.samples),
  ];
  process.stdout.write(lines.join('\n') + '\n');
}
