// Bench section `renderer` (with the host list): the Sensors tab's refresh as an operator sees it, in
// Chromium through the e2e WebSocket host, against the lab ipmi_sim behind the counting proxy. One
// sample is a click on Refresh until the tab shows the new read (its "read at" time changes), and the
// datagrams that click put on the wire; beside it `ipmitool sensor list` through the same proxy in the
// same run (a process and a session each time, no SDR cache). Runs are interleaved so the shared
// machine's load hits both alike.
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startWsHost, WS_PATH } from '../host/ws-host';
import { installBmcOverWebSocket } from '../host/init-script';
import { CALL_NAMES, EVENT_NAMES } from '../../shared/contract/channels';
import { MemoryCredentialStore } from '../../electron/services/credentials';
import { CHROMIUM_ARGS } from '../fixtures/app';
import { startLabBmc } from '../lab/bmc-lab';
import { admin, ipmitoolOk, measure, median, withCountingProxy, type Sample } from './bench-harness';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export async function rendererSensorsBench(runs: number): Promise<string> {
  const bmc = await startLabBmc({ satellite: false });
  const dir = await mkdtemp(join(tmpdir(), 'bmcdesk-bench-sensors-'));
  try {
    return await withCountingProxy(bmc.port, async (proxy) => {
      const credentials = new MemoryCredentialStore('bench');
      const host = await startWsHost({
        rendererDir: join(ROOT, 'out/renderer'),
        userDataDir: join(dir, 'data'),
        credentials,
      });
      const browser = await chromium.launch({
        executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
      try {
        const added = await host.app.dispatch('hosts.add', {
          host: {
            name: 'bench-lab',
            address: '127.0.0.1',
            port: proxy.port,
            username: admin.name,
            cipherSuite: 3,
          },
          password: admin.password,
        });
        if (!added.ok) throw new Error(`hosts.add: ${added.error.message}`);
        const hostId = (added.value as { id: string }).id;
        // the background poller would add its own datagrams to the count: this page is measured alone
        host.app.services.hostStatus.stop();

        const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'en-US' });
        await context.addInitScript(installBmcOverWebSocket, {
          calls: CALL_NAMES,
          events: EVENT_NAMES,
          path: WS_PATH,
          token: host.token,
        });
        const page = await context.newPage();
        await page.goto(`${host.url}#/hosts/${hostId}/sensors`);
        const firstLoad = await measure(proxy, async () => {
          await page.getByTestId('sensor-row').first().waitFor({ timeout: 60_000 });
        });

        // Clicked and watched inside the page (a Playwright click adds its own actionability waits): from
        // the click to the frame after the tab's "read at" time changed.
        const refresh = () =>
          page.evaluate(async () => {
            const at = () => document.querySelector('[data-testid=sensors-read-at]')?.getAttribute('data-at');
            const before = at();
            document.querySelector<HTMLButtonElement>('[data-testid=sensors-refresh]')!.click();
            await new Promise<void>((resolve) => {
              const check = () => (at() !== before ? resolve() : requestAnimationFrame(check));
              requestAnimationFrame(check);
            });
            await new Promise((r) => requestAnimationFrame(r));
            return document.querySelectorAll('[data-testid=sensor-row]').length > 0;
          });
        // the same call from the page with no rendering: what the IPC path alone costs
        let op = 0;
        const bare = () =>
          page.evaluate(
            async ({ hostId, operationId }) => {
              const bmc = (
                window as unknown as { bmc: Record<string, (i: unknown) => Promise<{ ok: boolean }>> }
              ).bmc;
              return (await bmc['sensors.list']!({ hostId, operationId })).ok;
            },
            { hostId, operationId: `op-bench-page-${++op}` },
          );
        const ours: Sample[] = [];
        const call: Sample[] = [];
        const theirs: Sample[] = [];
        for (let i = 0; i < runs; i++) {
          ours.push(await measure(proxy, refresh));
          call.push(await measure(proxy, bare));
          theirs.push(await measure(proxy, () => ipmitoolOk(proxy, ['sensor', 'list'])));
        }
        const rows = await page.getByTestId('sensor-row').count();
        const ms = (s: Sample[]) => median(s.map((x) => x.ms));
        const dg = (s: Sample[]) => `${median(s.map((x) => x.sent))}/${median(s.map((x) => x.received))}`;
        const failed = (s: Sample[]) => s.filter((x) => !x.ok).length;
        return (
          [
            '',
            `Renderer: Sensors tab of the lab BMC (ipmi_sim, ${rows} sensors), Chromium over the e2e WebSocket host,`,
            `median of ${runs} runs, datagrams sent/received (load average ${loadavg()[0]!.toFixed(1)}: quote the ratio)`,
            '',
            '| operation | datagrams | median ms | failed | ratio ipmitool/this |',
            '|---|---|---:|---:|---:|',
            `| first load of the tab (session login, SDR read, readings) | ${firstLoad.sent}/${firstLoad.received} | ${firstLoad.ms.toFixed(0)} | ${firstLoad.ok ? 0 : 1} | ${(ms(theirs) / firstLoad.ms).toFixed(1)}x |`,
            `| Refresh click until the new read is painted (warm SDR cache) | ${dg(ours)} | ${ms(ours).toFixed(0)} | ${failed(ours)} | ${(ms(theirs) / ms(ours)).toFixed(1)}x |`,
            `| the same sensors.list called from the page, nothing rendered | ${dg(call)} | ${ms(call).toFixed(0)} | ${failed(call)} | ${(ms(theirs) / ms(call)).toFixed(1)}x |`,
            `| ipmitool -C 3 sensor list (new process and session) | ${dg(theirs)} | ${ms(theirs).toFixed(0)} | ${failed(theirs)} | 1.0x |`,
          ].join('\n') + '\n'
        );
      } finally {
        await browser.close();
        await host.close();
      }
    });
  } finally {
    await bmc.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
