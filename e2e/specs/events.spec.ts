// The host page's Event log tab end to end against a PRIVATE ipmi_sim (this spec clears its SEL and sets
// its clock): every row is compared with `ipmitool sel elist` on the same BMC; the filters and the search
// narrow to the rows ipmitool's lines say they should; CSV and JSON exports (real downloads) hold the
// rows shown; an event added with `ipmitool sel add` appears after a reload; "Sync BMC clock" puts the
// clock ipmitool reads within 2 s of now; clear with "export first" leaves what ipmitool then lists, and
// the exported file holds every event ipmitool listed before. Both languages pass axe with no overflow.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { ipmitool, LAB_USERS, SEL_SEED, startLabBmc, type LabBmc } from '../lab/bmc-lab';
import { launchApp, unavailable, SCREENSHOTS, type AppKind, type LaunchedApp } from '../fixtures/app';
import { hostsPage, switchLanguage } from '../fixtures/pages';
import { addHostViaApi, openHostTab } from '../fixtures/lab-host';
import { checkPageBothLanguages } from '../fixtures/page-check';
import { tabTo } from '../fixtures/a11y';

const KINDS: AppKind[] = ['chromium', 'electron'];
// ipmi_sim offers cipher suites up to 3 and ignores pre-session Get Channel Cipher Suites
const LAB_CIPHER = 3;
const UTC = { env: { TZ: 'UTC' } };

/** One `ipmitool sel elist` line, split into what the table shows. */
interface ToolLine {
  id: number;
  /** seconds since 1970 for dated lines */
  seconds?: number;
  /** seconds since BMC start for Pre-Init lines */
  preInit?: number;
  /** the 4th column: "Power Supply PSU1 Status", "OEM record c1" */
  name: string;
  /** system events: the state; OEM records: the OEM bytes */
  description: string;
  /** OEM timestamped records: the manufacturer ID in hex */
  manufacturer?: string;
  direction?: string;
}

function parseElist(text: string): ToolLine[] {
  return text
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => {
      const f = l.split('|').map((x) => x.trim());
      const id = parseInt(f[0]!, 16);
      if (f[1] === 'Pre-Init')
        return { id, preInit: Number(f[2]), name: f[3]!, description: f[4]!, direction: f[5]! };
      if (/^\d\d\/\d\d\/\d\d$/.test(f[1]!)) {
        const [mm, dd, yy] = f[1]!.split('/');
        const seconds = Date.parse(`20${yy}-${mm}-${dd}T${f[2]!.replace(' UTC', '')}Z`) / 1000;
        if (f[3]!.startsWith('OEM record'))
          return { id, seconds, name: f[3]!, manufacturer: f[4]!, description: f[5]! };
        return { id, seconds, name: f[3]!, description: f[4]!, direction: f[5]! };
      }
      return { id, name: f[1]!, description: f[2]! }; // OEM non-timestamped: no time
    });
}

async function elist(lab: LabBmc): Promise<ToolLine[]> {
  const r = await ipmitool(lab, ['sel', 'elist'], UTC);
  if (r.code !== 0 && !/SEL has no entries/.test(r.stderr)) throw new Error(r.stderr);
  return parseElist(r.stdout);
}

/** What the table row shows, read from the DOM. */
interface UiRow {
  id: number;
  seconds?: number;
  preInit: boolean;
  time: string;
  sensor: string;
  sensorNone: boolean;
  type: string;
  severity: string;
  severityText: string;
  description: string;
  manufacturer: string;
  direction: string;
}

/**
 * Every row of the virtualised table (only the rows in view exist in the DOM): scrolls the body from
 * top to bottom, a screen at a time, collecting rows by ID.
 */
async function tableRows(page: Page): Promise<UiRow[]> {
  return page.evaluate(async () => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const table = document.querySelector('[data-testid="event-table"]')!;
    const holder = table.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder');
    const seen = new Map<number, UiRow>();
    const text = (row: Element, id: string) =>
      (row.querySelector(`[data-testid="${id}"]`)?.textContent ?? '').trim();
    const collect = () => {
      for (const row of Array.from(table.querySelectorAll('[data-testid="event-row"]'))) {
        const id = parseInt(text(row, 'event-id'), 16);
        const sev = row.querySelector('[data-testid="severity"]');
        const seconds = row.getAttribute('data-seconds');
        seen.set(id, {
          id,
          ...(seconds ? { seconds: Number(seconds) } : {}),
          preInit: row.getAttribute('data-pre-init') === 'true',
          time: text(row, 'event-time'),
          sensor: text(row, 'event-sensor'),
          sensorNone: row.querySelector('[data-testid="event-sensor"]')?.hasAttribute('data-none') ?? false,
          type: text(row, 'event-type'),
          severity: sev?.getAttribute('data-severity') ?? '',
          severityText: (sev?.textContent ?? '').trim(),
          description: text(row, 'event-description'),
          manufacturer: text(row, 'event-manufacturer'),
          direction: text(row, 'event-direction'),
        });
      }
    };
    if (holder) {
      holder.scrollTop = 0;
      await frame();
    }
    collect();
    for (let i = 0; holder && i < 200; i++) {
      if (holder.scrollTop + holder.clientHeight >= holder.scrollHeight - 1) break;
      holder.scrollTop += Math.max(20, holder.clientHeight - 40);
      holder.dispatchEvent(new Event('scroll'));
      await frame();
      collect();
    }
    if (holder) {
      holder.scrollTop = 0;
      holder.dispatchEvent(new Event('scroll'));
      await frame();
    }
    return [...seen.values()].sort((a, b) => a.id - b.id);
  }) as Promise<UiRow[]>;
}

/** The row ipmitool's line describes, as the table must show it (English). */
function expectRowMatches(ui: UiRow, line: ToolLine) {
  expect(ui.id).toBe(line.id);
  if (line.seconds !== undefined) {
    expect(ui.seconds, `row ${line.id} time`).toBe(line.seconds);
    expect(ui.preInit).toBe(false);
  } else if (line.preInit !== undefined) {
    expect(ui.preInit, `row ${line.id} pre-init`).toBe(true);
    const h = Math.floor(line.preInit / 3600);
    const m = String(Math.floor((line.preInit % 3600) / 60)).padStart(2, '0');
    const s = String(line.preInit % 60).padStart(2, '0');
    expect(ui.time).toBe(`Pre-init${h}:${m}:${s} after BMC start`);
  } else {
    expect(ui.seconds).toBeUndefined();
    expect(ui.time).toBe('No timestamp (OEM record)');
  }
  if (line.name.startsWith('OEM record')) {
    expect(ui.type).toBe(line.name);
    expect(ui.sensorNone).toBe(true);
    expect(ui.description).toBe(line.description);
    expect(ui.manufacturer).toBe(line.manufacturer ? `Manufacturer ${line.manufacturer}` : '');
    expect(ui.direction).toBe('');
  } else {
    // ipmitool's column is the sensor type then the SDR name (or #0x<number>)
    expect(`${ui.type} ${ui.sensor}`, `row ${line.id} sensor`).toBe(line.name);
    expect(ui.description, `row ${line.id} description`).toBe(line.description);
    expect(ui.direction, `row ${line.id} direction`).toBe(line.direction);
  }
  expect(['info', 'warning', 'critical']).toContain(ui.severity);
  expect(ui.severityText).toBe({ info: 'Info', warning: 'Warning', critical: 'Critical' }[ui.severity]);
}

/**
 * Clicks the button in the page and measures how long until it shows it is working (antd's loading
 * class or disabled), watching its attributes so a short-lived spinner is not missed.
 */
function feedbackMs(page: Page, testId: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const el = document.querySelector<HTMLButtonElement>(`[data-testid="${id}"]`)!;
        const busy = () => el.classList.contains('ant-btn-loading') || el.disabled;
        const t0 = performance.now();
        const obs = new MutationObserver(() => {
          if (!busy()) return;
          obs.disconnect();
          resolve(performance.now() - t0);
        });
        obs.observe(el, { attributes: true, subtree: true });
        el.click();
      }),
    testId,
  );
}

/** RFC 4180 reader for the exported CSV (BOM dropped). */
function parseCsv(text: string): string[][] {
  const src = text.replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && src[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

for (const kind of KINDS) {
  const why = unavailable(kind);
  describe.skipIf(why !== null)(`event log tab [${kind}]${why ? ` (skipped: ${why})` : ''}`, () => {
    let lab: LabBmc;
    let app: LaunchedApp;
    let page: Page;
    let hostId: string;
    let downloads: string;
    const tab = () => page.getByTestId('events-tab');
    const count = () => page.getByTestId('event-count');
    const shownCount = async () => Number(await count().getAttribute('data-shown'));
    const ready = () =>
      page.locator('[data-testid="events-tab"][data-state="ready"]').waitFor({ timeout: 30_000 });
    const save = async (dl: Download, name: string) => {
      const path = join(downloads, name);
      await dl.saveAs(path);
      return path;
    };

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      downloads = await mkdtemp(join(tmpdir(), 'bmcdesk-e2e-sel-'));
      lab = await startLabBmc({ satellite: false });
      app = await launchApp(kind);
      page = app.page;
      await hostsPage(page).ready();
      hostId = await addHostViaApi(
        page,
        {
          name: 'sel-lab',
          address: lab.host,
          port: lab.port,
          username: LAB_USERS.admin.name,
          cipherSuite: LAB_CIPHER,
        },
        LAB_USERS.admin.password,
      );
      await openHostTab(page, hostId, 'events');
      await tab().waitFor();
      await ready();
    });
    afterAll(async () => {
      await app?.close();
      await lab?.stop();
      if (downloads) await rm(downloads, { recursive: true, force: true });
    });

    it('every row is what ipmitool sel elist says (id, time or pre-init, sensor, description, direction)', async () => {
      const want = await elist(lab);
      expect(want.map((l) => l.id)).toEqual(SEL_SEED.map((_, i) => i + 1));
      await expect.poll(shownCount).toBe(want.length);
      const rows = await tableRows(page);
      expect(rows.map((r) => r.id)).toEqual(want.map((l) => l.id));
      for (const [i, line] of want.entries()) expectRowMatches(rows[i]!, line);
      // the threshold event above its upper critical limit reads as critical, with the colour's word
      expect(rows.find((r) => r.id === 2)).toMatchObject({ severity: 'critical', severityText: 'Critical' });
      expect(await count().textContent()).toBe(`${want.length} events`);
    });

    it('severity, sensor, time range and search narrow the rows as ipmitool lines say', async () => {
      const want = await elist(lab);
      const all = await tableRows(page);
      const ids = async () => (await tableRows(page)).map((r) => r.id);

      // severity: only critical rows, and all of them
      await page.getByTestId('filter-severity').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: /^Critical$/ })
        .click();
      await page.keyboard.press('Escape');
      const critical = all.filter((r) => r.severity === 'critical').map((r) => r.id);
      expect(critical.length).toBeGreaterThan(0);
      expect(critical.length).toBeLessThan(all.length);
      await expect.poll(ids).toEqual(critical);
      expect(await count().textContent()).toBe(`${critical.length} of ${all.length} events shown`);
      expect(await page.getByTestId('export-scope').textContent()).toBe(
        `Exports the ${critical.length} events shown (filters applied).`,
      );
      await page.getByTestId('filter-reset').click();
      await expect.poll(shownCount).toBe(all.length);

      // sensor: the two PSU1 Status events
      const psu = want.filter((l) => l.name === 'Power Supply PSU1 Status').map((l) => l.id);
      expect(psu).toEqual([1, 3]);
      await page.getByTestId('filter-sensor').click();
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: /^Power Supply PSU1 Status \(2\)$/ })
        .click();
      await page.keyboard.press('Escape');
      await expect.poll(ids).toEqual(psu);
      await page.getByTestId('filter-reset').click();

      // time range: around the seed's date keeps every dated line (not pre-init, not OEM untimed)
      const dated = want.filter((l) => l.seconds !== undefined).map((l) => l.id);
      const inputs = page.getByTestId('filter-range').locator('input');
      await inputs.nth(0).click();
      await inputs.nth(0).fill('2020-09-12 00:00:00');
      await page.keyboard.press('Enter');
      await inputs.nth(1).click();
      await inputs.nth(1).fill('2020-09-15 00:00:00');
      await page.keyboard.press('Enter');
      await expect.poll(ids).toEqual(dated);
      await page.getByTestId('filter-reset').click();
      await inputs.nth(0).click();
      await inputs.nth(0).fill('2021-01-01 00:00:00');
      await page.keyboard.press('Enter');
      await inputs.nth(1).click();
      await inputs.nth(1).fill('2021-12-31 00:00:00');
      await page.keyboard.press('Enter');
      await expect.poll(shownCount).toBe(0);
      expect(await page.getByTestId('event-table').textContent()).toContain('No event matches the filters.');
      expect(await page.getByTestId('export-csv').isDisabled()).toBe(true);
      await page.getByTestId('filter-reset').click();

      // free text: "going" is in the two threshold lines
      const going = want.filter((l) => /going/i.test(`${l.name} ${l.description}`)).map((l) => l.id);
      expect(going).toEqual([2, 8]);
      await page.getByTestId('filter-search').fill('going');
      await expect.poll(ids).toEqual(going);
      await page.getByTestId('filter-search').fill('');
      await expect.poll(shownCount).toBe(all.length);
    });

    it('exports the rows shown as CSV (quoted as RFC 4180) and every row as JSON', async () => {
      const want = await elist(lab);
      await page.getByTestId('filter-search').fill('going');
      await expect.poll(shownCount).toBe(2);
      const [csvDl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-csv').click(),
      ]);
      expect(csvDl.suggestedFilename()).toMatch(/^sel-lab-sel-\d{8}-\d{6}\.csv$/);
      const csv = parseCsv(await readFile(await save(csvDl, 'shown.csv'), 'utf8'));
      expect(csv[0]).toEqual([
        'id',
        'time',
        'pre_init_seconds',
        'sensor',
        'sensor_type',
        'severity',
        'description',
        'direction',
        'record_type',
        'raw',
      ]);
      const body = csv.slice(1);
      expect(body.map((r) => Number(r[0]))).toEqual([2, 8]);
      for (const r of body) {
        const line = want.find((l) => l.id === Number(r[0]))!;
        expect(`${r[4]} ${r[3]}`).toBe(line.name);
        // ipmitool pads "Lower Critical going low " with a space; the CSV keeps it (quoted)
        expect(r[6]!.trim()).toBe(line.description);
        expect(r[7]).toBe(line.direction === 'Asserted' ? 'assertion' : 'deassertion');
        expect(Date.parse(r[1]!) / 1000).toBe(line.seconds);
        expect(r[9]).toBe(Buffer.from(SEL_SEED[line.id - 1]!).toString('hex'));
      }
      await page.getByTestId('filter-search').fill('');
      await expect.poll(shownCount).toBe(want.length);

      const [jsonDl] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('export-json').click(),
      ]);
      const json = JSON.parse(await readFile(await save(jsonDl, 'all.json'), 'utf8')) as {
        host: string;
        count: number;
        events: { id: number; raw: string; description: string }[];
      };
      expect(json.host).toBe('sel-lab');
      expect(json.count).toBe(want.length);
      expect(json.events.map((e) => e.id)).toEqual(want.map((l) => l.id));
      expect(json.events.map((e) => e.raw)).toEqual(SEL_SEED.map((b) => Buffer.from(b).toString('hex')));
    });

    it('sync BMC clock: the clock ipmitool reads is within 2 s of now, and the page reads it back', async () => {
      // put the BMC clock a day behind (Set SEL Time, little-endian seconds)
      const behind = Buffer.alloc(4);
      behind.writeUInt32LE(Math.floor(Date.now() / 1000) - 86_400);
      const set = await ipmitool(lab, [
        'raw',
        '0x0a',
        '0x49',
        ...Array.from(behind, (b) => `0x${b.toString(16)}`),
      ]);
      expect(set.code, set.stderr).toBe(0);
      await page.getByTestId('refresh-host').click();
      const offset = () => page.getByTestId('clock-offset').getAttribute('data-offset');
      await expect.poll(async () => Number(await offset()), { timeout: 20_000 }).toBeLessThan(-86_000);
      expect(await page.getByTestId('clock-offset').textContent()).toMatch(/^BMC is .+ behind$/);

      const syncMs = await feedbackMs(page, 'sync-clock');
      console.log(`sync-clock feedback ${syncMs.toFixed(1)} ms`);
      expect(syncMs).toBeLessThan(100);
      const msg = page.getByTestId('events-message').filter({ hasText: 'BMC clock' });
      await msg.waitFor({ timeout: 20_000 });
      expect(await msg.textContent()).toMatch(
        /^sel-lab: BMC clock set to this computer's time; it now reads /,
      );
      const got = await ipmitool(lab, ['sel', 'time', 'get'], UTC);
      expect(got.code, got.stderr).toBe(0);
      const bmc = Date.parse(
        got.stdout.trim().replace(/^(\d\d)\/(\d\d)\/(\d\d) (.*) UTC$/, '20$3-$1-$2T$4Z'),
      );
      expect(Math.abs(bmc - Date.now())).toBeLessThanOrEqual(2000);
      await expect
        .poll(async () => Math.abs(Number(await offset())), { timeout: 20_000 })
        .toBeLessThanOrEqual(2);
      expect(await page.getByTestId('clock-offset').textContent()).toMatch(
        /^(In step|BMC is \d s (ahead|behind))$/,
      );
    });

    it('an event added with ipmitool sel add appears after Reload, as ipmitool lists it', async () => {
      const file = join(downloads, 'event.txt');
      // CPU Temp (sensor 0x10) upper critical going high: EvM rev, type, number, dir/type, data 1-3
      writeFileSync(file, '0x04 0x01 0x10 0x01 0x59 0x5c 0x5a\n');
      const add = await ipmitool(lab, ['sel', 'add', file]);
      expect(add.code, add.stderr).toBe(0);
      const want = await elist(lab);
      const added = want.at(-1)!;
      expect(added.id).toBe(SEL_SEED.length + 1);
      expect(Math.abs(added.seconds! - Date.now() / 1000)).toBeLessThan(60);
      const reloadMs = await feedbackMs(page, 'events-reload');
      console.log(`events-reload feedback ${reloadMs.toFixed(1)} ms`);
      expect(reloadMs).toBeLessThan(100);
      await expect.poll(shownCount, { timeout: 20_000 }).toBe(want.length);
      await ready();
      const rows = await tableRows(page);
      expect(rows.map((r) => r.id)).toEqual(want.map((l) => l.id));
      for (const [i, line] of want.entries()) expectRowMatches(rows[i]!, line);
    });

    it('in zh-CN the states read in Chinese, the search finds them, the markup keeps ipmitool’s English', async () => {
      const want = await elist(lab);
      const line = (id: number) => want.find((l) => l.id === id)!;
      const cell = (id: number, testId: string) =>
        page.locator(`[data-testid="event-row"][data-id="${id}"] [data-testid="${testId}"]`);
      await switchLanguage(page, 'zh-CN');
      try {
        await ready();
        // record 3: PSU1 failure detected (sensor-specific 0x08/1); record 2: upper critical going high
        await expect.poll(() => cell(3, 'event-description').textContent()).toBe('检测到故障');
        expect(await cell(3, 'event-description').getAttribute('data-description')).toBe(line(3).description);
        expect(await cell(3, 'event-type').textContent()).toBe('电源');
        expect(await cell(2, 'event-description').textContent()).toBe('上限严重阈值(读数上升)');
        expect(await cell(2, 'event-description').getAttribute('data-description')).toBe(line(2).description);
        // the search matches the Chinese shown: the rows ipmitool words "Failure detected"
        const failures = want.filter((l) => l.description === 'Failure detected').map((l) => l.id);
        expect(failures.length).toBeGreaterThan(0);
        await page.getByTestId('filter-search').fill('检测到故障');
        await expect.poll(async () => (await tableRows(page)).map((r) => r.id)).toEqual(failures);
        await page.getByTestId('filter-search').fill('');
        await expect.poll(shownCount).toBe(want.length);
      } finally {
        await switchLanguage(page, 'en');
      }
      await expect.poll(() => cell(3, 'event-description').textContent()).toBe(line(3).description);
    });

    it('both languages: no axe problems, no overflow; every control reachable by keyboard', async () => {
      const checks = await checkPageBothLanguages(page, `${kind}-events`, async (lang) => {
        await ready();
        await expect
          .poll(() => page.getByTestId('clear-log').textContent())
          .toBe(lang === 'en' ? 'Clear log…' : '清除日志…');
        await page.getByTestId('event-row').first().waitFor();
        // earlier actions' messages fade out, and so does the language list just used; axe would
        // measure them mid-animation (contrast of a fading toast, a listbox being closed)
        await expect.poll(() => page.locator('.ant-message-notice').count(), { timeout: 20_000 }).toBe(0);
        await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
      });
      for (const c of checks) {
        expect(c.axe, c.lang).toEqual([]);
        expect(c.overflow, c.lang).toBe(0);
      }
      await page.locator('body').click({ position: { x: 5, y: 5 } });
      const controls = [
        'sync-clock',
        'filter-severity',
        'filter-sensor',
        'filter-range',
        'filter-search',
        'export-csv',
        'export-json',
        'events-reload',
        'clear-log',
        'event-scroll',
      ];
      const reach: Record<string, { reached: boolean; visible: boolean }> = {};
      for (const id of controls) reach[id] = await tabTo(page, page.getByTestId(id));
      for (const id of controls) expect(reach[id]!.reached, id).toBe(true);
      for (const id of [
        'sync-clock',
        'export-csv',
        'export-json',
        'events-reload',
        'clear-log',
        'event-scroll',
      ])
        expect(reach[id]!.visible, `${id} focus visible`).toBe(true);
      // the table body has the focus: End scrolls to the last row, Home back to the first
      const lastId = (await tableRows(page)).at(-1)!.id;
      const inDom = (id: number) => page.locator(`[data-testid="event-row"][data-id="${id}"]`).count();
      await expect.poll(() => inDom(lastId)).toBe(0); // below the fold: not rendered
      await page.keyboard.press('End');
      await expect.poll(() => inDom(lastId)).toBe(1);
      await page.keyboard.press('Home');
      await expect.poll(() => inDom(1)).toBe(1);
    });

    it('clear with "export first": the file holds every event ipmitool listed, then ipmitool lists what the page shows', async () => {
      const before = await elist(lab);
      await page.getByTestId('clear-log').click();
      const dialog = page.locator('.ant-modal:visible');
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain('Clear the event log of sel-lab?');
      expect(await dialog.textContent()).toContain(
        `all ${before.length} events stored on the BMC of sel-lab (${lab.host})`,
      );
      await page.getByTestId('clear-confirm').click({ trial: true }); // waits for the zoom-in to end
      await page.screenshot({ path: join(SCREENSHOTS, `${kind}-events-clear-dialog.png`) });
      expect(await page.getByTestId('clear-export-json').isChecked()).toBe(true);
      const [dl, clearMs] = await Promise.all([
        page.waitForEvent('download', { timeout: 30_000 }),
        feedbackMs(page, 'clear-confirm'),
      ]);
      console.log(`clear-confirm feedback ${clearMs.toFixed(1)} ms`);
      expect(clearMs).toBeLessThan(100);
      const path = await save(dl, 'before-clear.json');
      expect(existsSync(path)).toBe(true);
      const exported = JSON.parse(await readFile(path, 'utf8')) as { events: { id: number }[] };
      expect(exported.events.map((e) => e.id)).toEqual(before.map((l) => l.id));

      const msg = page.getByTestId('events-message').filter({ hasText: 'event log cleared' });
      await msg.waitFor({ timeout: 20_000 });
      const after = await elist(lab);
      const info = await ipmitool(lab, ['sel', 'info']);
      const entries = Number(/Entries\s+: (\d+)/.exec(info.stdout)?.[1]);
      expect(entries).toBe(after.length);
      expect(after.length).toBeLessThan(before.length);
      expect(await msg.textContent()).toBe(
        `sel-lab: event log cleared, ${entries} entries now. ${before.length} events exported first as ${dl.suggestedFilename()}.`,
      );
      await expect.poll(shownCount, { timeout: 20_000 }).toBe(after.length);
      await ready();
      const rows = await tableRows(page);
      expect(rows.map((r) => r.id)).toEqual(after.map((l) => l.id));
      for (const [i, line] of after.entries()) expectRowMatches(rows[i]!, line);
      if (after.length === 0)
        expect(await page.getByTestId('event-table').textContent()).toContain('The event log is empty.');
    });

    it('the page logged no errors', () => {
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
