// The Sensors tab end to end against a private ipmi_sim (threshold writes change its state): the table
// shows what `ipmitool sensor` and `ipmitool sdr elist` read from the same BMC, a threshold set in the
// form is what `ipmitool sensor get` then reads, an out-of-order value is refused in the form with
// nothing sent, the history chart gains a point per refresh and draws the BMC's thresholds, and the tab
// and the threshold editor pass axe and fit the window in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ipmitool, LAB_USERS, startLabBmc, type LabBmc } from '../lab/bmc-lab';
import { join } from 'node:path';
import { launchApp, unavailable, SCREENSHOTS, type AppKind, type LaunchedApp } from '../fixtures/app';
import { hostsPage, chooseOption } from '../fixtures/pages';
import { addHostViaApi, openHostTab } from '../fixtures/lab-host';
import { checkPageBothLanguages } from '../fixtures/page-check';
import { tabTo } from '../fixtures/a11y';

const KINDS: AppKind[] = ['chromium', 'electron'];
// ipmi_sim offers cipher suites up to 3 and ignores pre-session Get Channel Cipher Suites
const LAB_CIPHER = 3;
const THRESHOLDS = ['lnr', 'lcr', 'lnc', 'unc', 'ucr', 'unr'] as const;
const fmt = new Intl.NumberFormat('en', { maximumFractionDigits: 3 });

interface IpmitoolSensor {
  name: string;
  value: string;
  units: string;
  status: string;
  thresholds: string[];
}

/** `ipmitool sensor`: name | value | units | status | lnr | lcr | lnc | unc | ucr | unr */
function parseSensorList(text: string): IpmitoolSensor[] {
  return text
    .trim()
    .split('\n')
    .map((l) => l.split('|').map((f) => f.trim()))
    .map(([name, value, units, status, ...thresholds]) => ({
      name: name!,
      value: value!,
      units: units!,
      status: status!,
      thresholds,
    }));
}

/** `ipmitool sdr elist`: name | NNh | status | e.i | text */
function parseElist(text: string): Map<string, { status: string; text: string }> {
  return new Map(
    text
      .trim()
      .split('\n')
      .map((l) => l.split('|').map((f) => f.trim()))
      .map(([name, , status, , rest]) => [name!, { status: status!, text: rest ?? '' }]),
  );
}

/** `ipmitool sensor get`: " Upper Critical        : 90.000" → 90 */
function thresholdFromGet(text: string, label: string): number | undefined {
  const m = new RegExp(`^ ${label}\\s*: (\\S+)`, 'm').exec(text);
  return m ? Number(m[1]) : undefined;
}

interface RowData {
  name: string;
  readingText: string;
  value: string | null;
  units: string | null;
  states: string | null;
  status: string | null;
  statusText: string;
  thresholds: Record<string, { text: string; value: string | null }>;
}

function tableRows(page: Page): Promise<RowData[]> {
  return page.getByTestId('sensor-row').evaluateAll((rows) =>
    rows.map((r) => {
      const q = (id: string) => r.querySelector(`[data-testid="${id}"]`);
      const reading = q('sensor-reading');
      const status = q('sensor-status');
      return {
        name: q('sensor-name')?.textContent ?? '',
        readingText: reading?.textContent?.trim() ?? '',
        value: reading?.getAttribute('data-value') ?? null,
        units: reading?.getAttribute('data-units') ?? null,
        states: reading?.getAttribute('data-states') ?? null,
        status: status?.getAttribute('data-status') ?? null,
        statusText: status?.textContent?.trim() ?? '',
        thresholds: Object.fromEntries(
          ['lnr', 'lcr', 'lnc', 'unc', 'ucr', 'unr'].map((k) => {
            const c = q(`threshold-${k}`);
            return [k, { text: c?.textContent?.trim() ?? '', value: c?.getAttribute('data-value') ?? null }];
          }),
        ),
      };
    }),
  );
}

for (const kind of KINDS) {
  const why = unavailable(kind);
  describe.skipIf(why !== null)(`sensors tab [${kind}]${why ? ` (skipped: ${why})` : ''}`, () => {
    let lab: LabBmc;
    let app: LaunchedApp;
    let page: Page;
    let hostId: string;
    const drawer = () => page.getByTestId('sensor-drawer');
    const row = (name: string) => page.locator(`[data-testid="sensor-row"][data-sensor="${name}"]`);
    const chart = () => drawer().getByTestId('history-chart');
    const sensorGet = async (name: string) => {
      const r = await ipmitool(lab, ['sensor', 'get', name]);
      expect(r.code, r.stderr).toBe(0);
      return r.stdout;
    };
    const openDrawer = async (name: string) => {
      await row(name).getByTestId('sensor-open').click();
      await drawer().getByTestId('threshold-form-section').waitFor();
      await expect.poll(() => drawer().locator('.ant-drawer-title').textContent()).toBe(name);
    };
    /** closes the drawer and waits until the focus has left it (the drawer hands it back on close) */
    const closeDrawer = async () => {
      await drawer().locator('.ant-drawer-close').click();
      await drawer().locator('.ant-drawer-content').waitFor({ state: 'detached' });
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('.ant-drawer') === null))
        .toBe(true);
    };
    const readAt = () => page.getByTestId('sensors-read-at').getAttribute('data-at');
    const refresh = async () => {
      const before = await readAt();
      await page.getByTestId('sensors-refresh').click();
      await expect.poll(readAt, { timeout: 20_000 }).not.toBe(before);
    };

    beforeAll(async () => {
      lab = await startLabBmc({ satellite: false });
      app = await launchApp(kind);
      page = app.page;
      await hostsPage(page).ready();
      hostId = await addHostViaApi(
        page,
        {
          name: 'sensor-lab',
          address: lab.host,
          port: lab.port,
          username: LAB_USERS.admin.name,
          cipherSuite: LAB_CIPHER,
        },
        LAB_USERS.admin.password,
      );
      await openHostTab(page, hostId, 'sensors');
      await page.getByTestId('sensor-groups').waitFor({ timeout: 30_000 });
    });
    afterAll(async () => {
      await app?.close();
      await lab?.stop();
    });

    it('every sensor reads as ipmitool sensor / sdr elist print it: reading, units, status, thresholds', async () => {
      const [list, elist] = await Promise.all([ipmitool(lab, ['sensor']), ipmitool(lab, ['sdr', 'elist'])]);
      expect(list.code, list.stderr).toBe(0);
      expect(elist.code, elist.stderr).toBe(0);
      const theirs = parseSensorList(list.stdout);
      const states = parseElist(elist.stdout);
      const rows = await tableRows(page);
      // the same sensors (ipmitool lists every full and compact record)
      expect([...rows.map((r) => r.name)].sort()).toEqual(theirs.map((s) => s.name).sort());

      let thresholdSensors = 0;
      let withReading = 0;
      for (const s of theirs) {
        const r = rows.find((x) => x.name === s.name)!;
        if (s.units === 'discrete') {
          // discrete: the asserted states in words, as sdr elist prints them, and its status
          const e = states.get(s.name)!;
          expect(r.status, s.name).toBe(e.status);
          if (e.status === 'ok') {
            expect(r.states, s.name).toBe(e.text);
            if (e.text) expect(r.readingText, s.name).toBe(e.text);
          } else expect(r.value, s.name).toBe('na');
          continue;
        }
        thresholdSensors++;
        if (s.value === 'na') {
          expect([r.value, r.status, r.statusText], s.name).toEqual(['na', 'ns', 'No reading']);
        } else {
          withReading++;
          expect(Number(r.value), s.name).toBeCloseTo(Number(s.value), 3);
          expect(r.units, s.name).toBe(s.units);
          expect(r.readingText, s.name).toBe(`${fmt.format(Number(s.value))} ${s.units}`);
          expect(r.status, s.name).toBe(s.status);
          expect(r.statusText, s.name).toBe(
            { ok: 'OK', nc: 'Non-critical', cr: 'Critical', nr: 'Non-recoverable' }[s.status],
          );
        }
        THRESHOLDS.forEach((k, i) => {
          const want = s.thresholds[i]!;
          const cell = r.thresholds[k]!;
          if (want === 'na') expect([cell.value, cell.text], `${s.name} ${k}`).toEqual(['na', '—']);
          else {
            expect(Number(cell.value), `${s.name} ${k}`).toBeCloseTo(Number(want), 3);
            expect(cell.text, `${s.name} ${k}`).toBe(fmt.format(Number(want)));
          }
        });
      }
      // the lab has threshold sensors with and without readings, and discrete ones: all were compared
      expect(thresholdSensors).toBeGreaterThanOrEqual(10);
      expect(withReading).toBeGreaterThan(0);
      expect(withReading).toBeLessThan(thresholdSensors);

      // groups by type: counts add up to the rows; the temperature group holds the lab's 4 temperatures
      const groups = await page
        .getByTestId('sensor-group')
        .evaluateAll((gs) =>
          gs.map((g) => ({ type: g.getAttribute('data-type'), count: Number(g.getAttribute('data-count')) })),
        );
      expect(groups.reduce((n, g) => n + g.count, 0)).toBe(rows.length);
      expect(groups.find((g) => g.type === '1')?.count).toBe(4);
    });

    it('the tab passes axe and fits the window in both languages', async () => {
      const checks = await checkPageBothLanguages(page, `${kind}-sensors-tab`, async (lang) => {
        const want = lang === 'en' ? 'Temperature' : '温度';
        await expect.poll(() => page.getByTestId('sensor-group').first().textContent()).toContain(want);
        // the lab's discrete PSU1/CPU1 states: in words of the language; data-states keeps ipmitool's
        const presence = page.locator('[data-testid="sensor-reading"][data-states="Presence detected"]');
        await expect.poll(() => presence.count()).toBeGreaterThan(0);
        const texts = await presence.allTextContents();
        expect(
          texts.every((x) => x === (lang === 'en' ? 'Presence detected' : '已检测到存在')),
          texts.join(),
        ).toBe(true);
      });
      for (const c of checks) {
        expect(c.axe, c.lang).toEqual([]);
        expect(c.overflow, c.lang).toBe(0);
      }
    });

    it('the drawer offers inputs only for the thresholds the view says are settable', async () => {
      await openDrawer('P3V3');
      // P3V3's lcr and ucr are readable, not settable: shown as text, no input, no save button
      expect(await drawer().locator('[data-testid^="threshold-input-"]').count()).toBe(0);
      expect(await drawer().getByTestId('threshold-save').count()).toBe(0);
      expect(await drawer().getByTestId('threshold-fixed-lcr').textContent()).toBe('2.97 Volts');
      expect(await drawer().getByTestId('threshold-fixed-ucr').textContent()).toBe('3.636 Volts');
      await closeDrawer();
      await openDrawer('CPU Temp');
      expect(await drawer().locator('[data-testid^="threshold-input-"]').count()).toBe(6);
      await closeDrawer();
    });

    it('a threshold set in the form is what ipmitool sensor get then reads', async () => {
      expect(thresholdFromGet(await sensorGet('CPU Temp'), 'Upper Non-Critical')).toBe(80);
      await openDrawer('CPU Temp');
      const unc = drawer().getByTestId('threshold-input-unc');
      await unc.fill('85');
      await drawer().getByTestId('threshold-save').click();
      const saved = drawer().getByTestId('threshold-saved');
      await saved.waitFor({ timeout: 20_000 });
      expect(await saved.textContent()).toContain(
        'sensor-lab: thresholds of CPU Temp set; the BMC now reads UNC 85',
      );
      const text = await sensorGet('CPU Temp');
      expect(thresholdFromGet(text, 'Upper Non-Critical')).toBe(85);
      expect(thresholdFromGet(text, 'Upper Critical')).toBe(90);
      // the table shows the value read back
      expect(await row('CPU Temp').getByTestId('threshold-unc').textContent()).toBe('85');
      expect(await unc.inputValue()).toBe('85');
    });

    it('an out-of-order value is refused in the form, naming the pair; nothing reaches the BMC', async () => {
      const unc = drawer().getByTestId('threshold-input-unc');
      await unc.fill('92');
      await drawer().getByTestId('threshold-save').click();
      const errors = drawer().locator('.ant-form-item-explain-error');
      await expect
        .poll(() => errors.allTextContents())
        .toEqual([
          'Upper non-critical must not be above Upper critical (90 degrees C)',
          'Upper critical must not be below Upper non-critical (92 degrees C)',
        ]);
      expect(await drawer().getByTestId('threshold-saved').count()).toBe(0);
      const text = await sensorGet('CPU Temp');
      expect(thresholdFromGet(text, 'Upper Non-Critical')).toBe(85);
      expect(thresholdFromGet(text, 'Upper Critical')).toBe(90);
      await unc.fill('92');
      // the threshold editor, with the refusal showing, in both languages
      const checks = await checkPageBothLanguages(page, `${kind}-sensors-threshold-editor`, async (lang) => {
        await expect
          .poll(() => errors.first().textContent())
          .toBe(
            lang === 'en'
              ? 'Upper non-critical must not be above Upper critical (90 degrees C)'
              : '上限非严重阈值不能高于上限严重阈值(90 °C)',
          );
        // the window as the operator sees it (the full-page shot below stretches the fixed drawer)
        await page.screenshot({ path: join(SCREENSHOTS, `${kind}-sensors-drawer.${lang}.png`) });
      });
      for (const c of checks) {
        expect(c.axe, c.lang).toEqual([]);
        expect(c.overflow, c.lang).toBe(0);
      }
      await drawer().getByTestId('threshold-reset').click();
      await expect.poll(() => errors.count()).toBe(0);
      expect(await unc.inputValue()).toBe('85');
    });

    it('a value in order but beyond what the sensor can hold is refused by main; the form says who and why', async () => {
      // the SDR leaves CPU Temp's range unspecified, so the form cannot know the limit; main converts to
      // the raw byte and refuses before sending
      const unr = drawer().getByTestId('threshold-input-unr');
      await unr.fill('300');
      await drawer().getByTestId('threshold-save').click();
      const failure = drawer().getByTestId('threshold-error');
      await failure.waitFor({ timeout: 20_000 });
      expect(await failure.textContent()).toMatch(
        new RegExp(`^${lab.host}: Set thresholds of CPU Temp failed: the BMC cannot take this value: .*300`),
      );
      expect(thresholdFromGet(await sensorGet('CPU Temp'), 'Upper Non-Recoverable')).toBe(95);
      await drawer().getByTestId('threshold-reset').click();
      expect(await unr.inputValue()).toBe('95');
    });

    it('the history chart gains a point per refresh and draws the BMC thresholds as lines', async () => {
      const points = async () => Number(await chart().getAttribute('data-points'));
      const before = await points();
      expect(before).toBeGreaterThanOrEqual(1);
      await refresh();
      await refresh();
      await expect.poll(points).toBe(before + 2);
      expect(await chart().getAttribute('data-threshold-lines')).toBe('lnr lcr lnc unc ucr unr');
      expect(await chart().locator('canvas').count()).toBeGreaterThan(0);
      // kept while the app runs: closing the drawer and leaving the tab lose nothing
      await closeDrawer();
      await openHostTab(page, hostId, 'overview');
      await openHostTab(page, hostId, 'sensors');
      await page.getByTestId('sensor-groups').waitFor({ timeout: 20_000 });
      await openDrawer('CPU Temp');
      await expect.poll(points).toBeGreaterThanOrEqual(before + 2);
      await closeDrawer();
      await openDrawer('FAN1');
      expect(await chart().getAttribute('data-threshold-lines')).toBe('lcr lnc');
      await closeDrawer();
    });

    it('live refresh at the chosen interval reads again without a click', async () => {
      await chooseOption(page, page.getByTestId('sensors-interval'), 'Every 5 s');
      const first = await readAt();
      await expect.poll(readAt, { timeout: 15_000, interval: 500 }).not.toBe(first);
      const second = await readAt();
      await expect.poll(readAt, { timeout: 15_000, interval: 500 }).not.toBe(second);
      const gap = Number(await readAt()) - Number(second);
      expect(gap).toBeGreaterThanOrEqual(4_000);
      await chooseOption(page, page.getByTestId('sensors-interval'), 'Off');
    });

    it('every control is reachable by keyboard with a visible focus', async () => {
      await page.locator('body').focus();
      // antd's Select and InputNumber show focus on their box (border and shadow), not the inner input
      const boxFocused = (l: Locator) =>
        l.evaluate((el) => {
          const box = el.closest('.ant-select, .ant-input-number') ?? el;
          const focused = Array.from(box.classList as unknown as ArrayLike<string>).some((c) =>
            c.endsWith('-focused'),
          );
          return (
            focused && box.contains(document.activeElement) && getComputedStyle(box).boxShadow !== 'none'
          );
        });
      const select = page.getByTestId('sensors-interval');
      expect((await tabTo(page, select)).reached).toBe(true);
      expect(await boxFocused(select)).toBe(true);
      expect(await tabTo(page, page.getByTestId('sensors-refresh'))).toEqual({
        reached: true,
        visible: true,
      });
      const open = row('CPU Temp').getByTestId('sensor-open');
      expect(await tabTo(page, open)).toEqual({ reached: true, visible: true });
      await page.keyboard.press('Enter');
      await drawer().getByTestId('threshold-form-section').waitFor();
      const input = drawer().getByTestId('threshold-input-unc');
      expect((await tabTo(page, input)).reached).toBe(true);
      expect(await boxFocused(input)).toBe(true);
      expect(await tabTo(page, drawer().getByTestId('threshold-save'))).toEqual({
        reached: true,
        visible: true,
      });
      await page.keyboard.press('Escape');
      await drawer().locator('.ant-drawer-content').waitFor({ state: 'detached' });
    });

    it('the page logged no errors', () => {
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
