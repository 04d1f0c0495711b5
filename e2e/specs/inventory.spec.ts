// The host Inventory end to end against a private ipmi_sim lab BMC (its FRU data is damaged here): every
// FRU field ipmitool's `fru print` shows appears in the app with the same text, device names match, the
// lab's corrupt FRU device 1 is flagged, and a board area whose checksum byte is overwritten (Write FRU
// Data through ipmitool) is flagged on its area while the other areas still read OK. Checksums are
// recomputed here from the bytes ipmitool reads back, so the flags are checked against the BMC, not
// against the app's own decoder. Both languages: axe, no sideways overflow, screenshots.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator } from 'playwright-core';
import { ipmitool, LAB_USERS, startLabBmc, type LabBmc } from '../lab/bmc-lab';
import { launchApp, unavailable, type AppKind, type LaunchedApp } from '../fixtures/app';
import { hostDetail, hostsPage } from '../fixtures/pages';
import { addHostViaApi, openHostTab } from '../fixtures/lab-host';
import { checkPageBothLanguages } from '../fixtures/page-check';
import { tabTo } from '../fixtures/a11y';

const KINDS: AppKind[] = ['chromium', 'electron'];
const LAB_CIPHER = 3;

// ipmitool `fru print` labels → [area, field key] of the app's fields (Extra lines are custom fields)
const FIELDS: Record<string, [string, string]> = {
  'Chassis Type': ['chassis', 'chassisType'],
  'Chassis Part Number': ['chassis', 'partNumber'],
  'Chassis Serial': ['chassis', 'serialNumber'],
  'Chassis Extra': ['chassis', 'custom'],
  'Board Mfg Date': ['board', 'manufactured'],
  'Board Mfg': ['board', 'manufacturer'],
  'Board Product': ['board', 'productName'],
  'Board Serial': ['board', 'serialNumber'],
  'Board Part Number': ['board', 'partNumber'],
  'Board FRU ID': ['board', 'fruFileId'],
  'Board Extra': ['board', 'custom'],
  'Product Manufacturer': ['product', 'manufacturer'],
  'Product Name': ['product', 'name'],
  'Product Part Number': ['product', 'partNumber'],
  'Product Version': ['product', 'version'],
  'Product Serial': ['product', 'serialNumber'],
  'Product Asset Tag': ['product', 'assetTag'],
  'Product FRU ID': ['product', 'fruFileId'],
  'Product Extra': ['product', 'custom'],
};
// ipmitool -v's DC Output record lines → the app's record rows
const DC_OUTPUT: Record<string, string> = {
  'Output Number': 'outputNumber',
  'Standby power': 'standby',
  'Nominal voltage': 'nominalVoltage',
  'Max negative deviation': 'maxNegativeDeviation',
  'Max positive deviation': 'maxPositiveDeviation',
  'Ripple and noise pk-pk': 'rippleAndNoise',
  'Minimum current draw': 'minCurrent',
  'Maximum current draw': 'maxCurrent',
};
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

async function tool(bmc: LabBmc, args: string[]): Promise<string> {
  const r = await ipmitool(bmc, args);
  expect(r.code, `ipmitool ${args.join(' ')}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** " Label : value" lines of one device's `fru print`, in order */
function fruLines(text: string): [string, string][] {
  return text
    .split('\n')
    .map((l) => /^ (\S.*?)\s*: (.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!]);
}

/** FRU bytes [offset, offset+count) as ipmitool reads them (Read FRU Data, 16 bytes at a time) */
async function readFru(bmc: LabBmc, device: number, offset: number, count: number): Promise<number[]> {
  const out: number[] = [];
  for (let at = offset; at < offset + count; at += 16) {
    const n = Math.min(16, offset + count - at);
    const hex = (v: number) => '0x' + v.toString(16).padStart(2, '0');
    const r = await tool(bmc, ['raw', '0x0a', '0x11', hex(device), hex(at & 0xff), hex(at >> 8), hex(n)]);
    const bytes = r
      .trim()
      .split(/\s+/)
      .map((b) => parseInt(b, 16));
    expect(bytes[0]).toBe(n); // count returned
    out.push(...bytes.slice(1));
  }
  return out;
}

const zeroSum = (bytes: number[]) => bytes.reduce((a, b) => a + b, 0) % 256 === 0;

/** the offset and length of each info area, from the common header ipmitool reads */
async function areasOf(bmc: LabBmc, device: number) {
  const h = await readFru(bmc, device, 0, 8);
  const areas: Record<string, { offset: number; length: number }> = {};
  for (const [i, kind] of [
    [2, 'chassis'],
    [3, 'board'],
    [4, 'product'],
  ] as const) {
    if (h[i] === 0) continue;
    const offset = h[i]! * 8;
    const [, len] = await readFru(bmc, device, offset, 2);
    areas[kind] = { offset, length: len! * 8 };
  }
  return { header: h, areas };
}

const field = (dev: Locator, area: string, key: string) =>
  dev.locator(`[data-testid="fru-field"][data-area="${area}"][data-key="${key}"]`);

for (const kind of KINDS) {
  const why = unavailable(kind);
  describe.skipIf(why !== null)(`host inventory [${kind}]${why ? ` (skipped: ${why})` : ''}`, () => {
    let lab: LabBmc;
    let app: LaunchedApp;
    let hostId: string;

    beforeAll(async () => {
      lab = await startLabBmc({ satellite: false });
      app = await launchApp(kind);
      await hostsPage(app.page).ready();
      hostId = await addHostViaApi(
        app.page,
        {
          name: 'lab-fru',
          address: lab.host,
          port: lab.port,
          username: LAB_USERS.admin.name,
          cipherSuite: LAB_CIPHER,
        },
        LAB_USERS.admin.password,
      );
    });
    afterAll(async () => {
      await app?.close();
      await lab?.stop();
    });

    it('every field of `fru print` shows with the same text; device names and checksum flags match the BMC', async () => {
      const page = app.page;
      await openHostTab(page, hostId, 'inventory');
      const devices = hostDetail(page).root.getByTestId('fru-device');
      await devices.first().waitFor({ timeout: 30_000 });

      const all = await tool(lab, ['fru', 'print']);
      const names = [...all.matchAll(/^FRU Device Description : (.+) \(ID (\d+)\)$/gm)].map((m) => [
        m[2],
        m[1],
      ]);
      expect(names.length).toBe(2);
      const shown = await devices.evaluateAll((els) =>
        els.map((e) => [
          e.getAttribute('data-device-id'),
          e.querySelector('[data-testid="fru-device-name"]')?.textContent,
        ]),
      );
      expect(shown).toEqual(names);

      const dev0 = page.locator('[data-testid="fru-device"][data-device-id="0"]');
      const lines = fruLines(await tool(lab, ['fru', 'print', '0']));
      expect(lines.length).toBeGreaterThan(10);
      for (const [label, value] of lines) {
        const where = FIELDS[label];
        expect(where, `ipmitool field ${label}`).toBeDefined();
        const [area, key] = where!;
        const cell = field(dev0, area, key);
        if (key === 'manufactured') {
          // "Wed Jan  1 00:00:00 2020 UTC" → the moment the app holds, shown in the user's language
          const m = /^\w+ (\w+) +(\d+) (\d\d):(\d\d):(\d\d) (\d+) UTC$/.exec(value)!;
          const iso = new Date(
            Date.UTC(
              Number(m[6]),
              MONTHS.indexOf(m[1]!),
              Number(m[2]),
              Number(m[3]),
              Number(m[4]),
              Number(m[5]),
            ),
          ).toISOString();
          expect(await cell.getAttribute('data-iso')).toBe(iso);
          expect(await cell.textContent()).toBe('January 1, 2020 at 00:00 UTC');
        } else {
          expect(await cell.allTextContents(), label).toContain(value);
        }
      }
      // and nothing the reference tool does not show: one app field per ipmitool line
      expect(await dev0.getByTestId('fru-field').count()).toBe(lines.length);

      const verbose = await tool(lab, ['-v', 'fru', 'print', '0']);
      const dc = [...(verbose.split(' DC Output Record\n')[1] ?? '').matchAll(/^ {2}(\S.*?)\s*: (.*)$/gm)]
        .map((m) => [m[1]!, m[2]!] as const)
        .filter(([l]) => l in DC_OUTPUT);
      expect(dc.length).toBe(Object.keys(DC_OUTPUT).length);
      const record = dev0.locator('[data-testid="multi-record"][data-kind="dc-output"]');
      for (const [label, value] of dc)
        expect(
          await record.locator(`[data-testid="mr-field"][data-key="${DC_OUTPUT[label]}"]`).textContent(),
          label,
        ).toBe(value);

      // the checksum verdicts equal the sums of the bytes ipmitool reads back
      const { header, areas } = await areasOf(lab, 0);
      expect(zeroSum(header)).toBe(true);
      for (const [area, { offset, length }] of Object.entries(areas)) {
        const ok = zeroSum(await readFru(lab, 0, offset, length));
        expect(ok, area).toBe(true);
        expect(await dev0.getByTestId(`checksum-${area}`).getAttribute('data-ok'), area).toBe(String(ok));
      }
      expect(await dev0.getAttribute('data-bad')).toBe('false');
      expect(await dev0.getByTestId('checksum-multi-record').getAttribute('data-ok')).toBe('true');

      // FRU device 1: a common header whose checksum is wrong; ipmitool prints nothing for it
      const bad = await readFru(lab, 1, 0, 8);
      expect(zeroSum(bad)).toBe(false);
      expect(fruLines(await tool(lab, ['fru', 'print', '1']))).toEqual([]);
      const dev1 = page.locator('[data-testid="fru-device"][data-device-id="1"]');
      expect(await dev1.getAttribute('data-bad')).toBe('true');
      expect(await dev1.getByTestId('header-checksum-alert').textContent()).toMatch(
        /common header checksum is wrong/,
      );
      expect(await dev1.getByTestId('fru-field').count()).toBe(0);
    });

    it('a board area with a wrong checksum is flagged on that area; the others still read OK', async () => {
      const page = app.page;
      await openHostTab(page, hostId, 'inventory');
      const { areas } = await areasOf(lab, 0);
      const board = areas['board']!;
      const last = board.offset + board.length - 1;
      const [sum] = await readFru(lab, 0, last, 1);
      const hex = (v: number) => '0x' + v.toString(16).padStart(2, '0');
      // Write FRU Data (NetFn Storage 0x0a, cmd 0x12): one byte at the board area's checksum
      await tool(lab, [
        'raw',
        '0x0a',
        '0x12',
        '0x00',
        hex(last & 0xff),
        hex(last >> 8),
        hex((sum! + 1) & 0xff),
      ]);
      expect(zeroSum(await readFru(lab, 0, board.offset, board.length))).toBe(false);

      await hostDetail(page).root.getByTestId('refresh-host').click();
      const dev0 = page.locator('[data-testid="fru-device"][data-device-id="0"]');
      await expect.poll(() => dev0.getAttribute('data-bad'), { timeout: 30_000 }).toBe('true');
      expect(await dev0.getByTestId('checksum-board').getAttribute('data-ok')).toBe('false');
      expect(await dev0.getByTestId('checksum-chassis').getAttribute('data-ok')).toBe('true');
      expect(await dev0.getByTestId('checksum-product').getAttribute('data-ok')).toBe('true');
      const alert = dev0.getByTestId('fru-area-board').getByTestId('area-checksum-alert');
      expect(await alert.textContent()).toMatch(/Board area checksum does not match/);
      // the fields are still decoded, as ipmitool still prints them
      const lines = fruLines(await tool(lab, ['fru', 'print', '0']));
      const mfg = lines.find(([l]) => l === 'Board Mfg')?.[1];
      expect(mfg).toBe('ACME');
      expect(await field(dev0, 'board', 'manufacturer').textContent()).toBe(mfg);
    });

    it('both languages: axe clean, nothing overflows; the refresh is reachable by keyboard', async () => {
      const page = app.page;
      await openHostTab(page, hostId, 'inventory');
      const root = hostDetail(page).root;
      const checks = await checkPageBothLanguages(page, `${kind}-inventory`, async (lang) => {
        await root.getByTestId('fru-device').first().waitFor({ timeout: 30_000 });
        await expect
          .poll(() => root.getByTestId('fru-area-board').locator('.ant-card-head-title').textContent())
          .toBe(lang === 'en' ? 'Board' : '主板');
        const date = await field(root, 'board', 'manufactured').textContent();
        expect(date).toBe(lang === 'en' ? 'January 1, 2020 at 00:00 UTC' : '2020年1月1日 00:00 UTC');
      });
      for (const c of checks) {
        expect(c.axe, c.lang).toEqual([]);
        expect(c.overflow, c.lang).toBe(0);
      }
      expect(await tabTo(page, root.getByTestId('refresh-host'))).toEqual({ reached: true, visible: true });
    });

    it('the page logged no errors', () => {
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
