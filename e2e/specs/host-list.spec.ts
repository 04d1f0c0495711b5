// The host list (home) end to end against a private ipmi_sim BMC: edit a host (rename; a wrong port
// makes its page fail, the right one brings it back — device info cross-checked with ipmitool), CSV
// export → import into a fresh app gives the same hosts and the file holds no password, a bad CSV line is
// named, search and tag filter narrow the rows, 1,000 hosts render as virtual rows and stay searchable,
// every control is reachable by keyboard, and the list and the edit dialog are clean in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { createSocket } from 'node:dgram';
import { join } from 'node:path';
import { ipmitool, LAB_USERS, startLabBmc, type LabBmc } from '../lab/bmc-lab';
import { launchApp, unavailable, SCREENSHOTS, type AppKind, type LaunchedApp } from '../fixtures/app';
import { chooseOption, hostDetail, hostsPage } from '../fixtures/pages';
import { addHostViaApi, openHostList } from '../fixtures/lab-host';
import { tabTo } from '../fixtures/a11y';
import { checkPageBothLanguages } from '../fixtures/page-check';
import type { Page } from 'playwright-core';
import type { BmcApi, CallResult } from '../../shared/contract/index';

const KINDS: AppKind[] = ['chromium', 'electron'];
const LAB_CIPHER = 3; // ipmi_sim offers cipher suites up to 3

type Listed = CallResult<'hosts.list'>['hosts'];

async function listViaApi(page: Page): Promise<Listed> {
  return page.evaluate(async () => {
    const r = await (window as unknown as { bmc: BmcApi }).bmc['hosts.list']({});
    if (!r.ok) throw new Error(`hosts.list: ${r.error.message}`);
    return r.value.hosts;
  });
}

async function importViaApi(page: Page, csv: string): Promise<number> {
  return page.evaluate(async (csv) => {
    const r = await (window as unknown as { bmc: BmcApi }).bmc['hosts.importCsv']({ csv });
    if (!r.ok) throw new Error(`hosts.importCsv: ${r.error.message}`);
    return r.value.added;
  }, csv);
}

/** A loopback UDP port nobody listens on (bound, then released). */
async function deadPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((ok) => s.bind(0, '127.0.0.1', ok));
  const { port } = s.address();
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** The language menu has finished closing (axe would see its listbox, and it would cover the shot). */
async function menusClosed(page: Page): Promise<void> {
  await expect.poll(() => page.locator('.ant-select-dropdown:visible').count()).toBe(0);
}

/** What a host is, without the id the inventory gave it. */
const essence = (hosts: Listed) =>
  hosts.map(({ id: _id, hasPassword: _p, ...rest }) => rest).sort((a, b) => a.name.localeCompare(b.name));

for (const kind of KINDS) {
  const why = unavailable(kind);
  describe.skipIf(why !== null)(
    `host list: edit, CSV, search, 1,000 hosts [${kind}]${why ? ` (skipped: ${why})` : ''}`,
    () => {
      let lab: LabBmc;
      let app: LaunchedApp;
      let labId = '';
      const shot = (name: string) =>
        app.page.screenshot({ path: join(SCREENSHOTS, `${kind}-${name}.png`), fullPage: true });

      beforeAll(async () => {
        lab = await startLabBmc({ satellite: false });
        app = await launchApp(kind);
        await hostsPage(app.page).ready();
        labId = await addHostViaApi(
          app.page,
          {
            name: 'lab-bmc',
            address: lab.host,
            port: lab.port,
            username: LAB_USERS.admin.name,
            cipherSuite: LAB_CIPHER,
            groups: ['rack-a', 'web'],
          },
          LAB_USERS.admin.password,
        );
        await addHostViaApi(app.page, {
          name: 'db-01',
          address: '192.0.2.21',
          username: 'ops',
          groups: ['rack-b', 'db'],
          notes: 'spare, "cold" standby',
        });
        await addHostViaApi(app.page, {
          name: 'edge-01',
          address: 'bmc-edge.example.net',
          port: 6230,
          username: '',
        });
        await openHostList(app.page);
      });
      afterAll(async () => {
        await app?.close();
        await lab?.stop();
      });

      it('edits a host: rename, wrong port makes its page fail, the right port brings it back', async () => {
        const hosts = hostsPage(app.page);
        const detail = hostDetail(app.page);
        await hosts.editButton('lab-bmc').click();
        await hosts.editForm.waitFor();
        // the dialog starts from the host as stored, password not shown
        expect(await hosts.editForm.locator('input[name=name]').inputValue()).toBe('lab-bmc');
        expect(await hosts.editForm.locator('input[name=port]').inputValue()).toBe(String(lab.port));
        expect(await hosts.editForm.locator('input[name=password]').inputValue()).toBe('');
        await hosts.editForm.locator('input[name=name]').fill('lab-renamed');
        await hosts.editSubmit.click();
        await expect.poll(() => hosts.row('lab-renamed').count()).toBe(1);
        expect(await hosts.row('lab-bmc').count()).toBe(0);
        const stored = (await listViaApi(app.page)).find((h) => h.id === labId);
        expect(stored).toMatchObject({ name: 'lab-renamed', port: lab.port, groups: ['rack-a', 'web'] });
        // an empty password field kept the stored password
        expect(await app.hasStoredPassword(labId)).toBe(true);

        // the renamed host still talks to its BMC: same device as ipmitool sees
        await hosts.row('lab-renamed').getByTestId('host-link').click();
        await detail.deviceId.waitFor({ timeout: 20_000 });
        const mc = await ipmitool(lab, ['mc', 'info']);
        expect(mc.code, mc.stderr).toBe(0);
        expect(await detail.deviceId.textContent()).toBe(/Device ID\s*:\s*(\d+)/.exec(mc.stdout)?.[1]);
        expect(await detail.root.locator('h2').textContent()).toBe('lab-renamed');

        // a port nobody answers on: the host page says so
        const wrong = await deadPort();
        await openHostList(app.page);
        await hosts.editButton('lab-renamed').click();
        await hosts.editForm.locator('input[name=port]').fill(String(wrong));
        await hosts.editSubmit.click();
        await expect
          .poll(async () => (await listViaApi(app.page)).find((h) => h.id === labId)?.port)
          .toBe(wrong);
        await expect.poll(() => hosts.row('lab-renamed').textContent()).toContain(`:${wrong}`);
        await hosts.row('lab-renamed').getByTestId('host-link').click();
        await detail.error.waitFor({ timeout: 30_000 });
        expect(await detail.error.textContent()).toMatch(/lab-renamed|127\.0\.0\.1/);
        expect(await detail.error.textContent()).toMatch(/answer|time|refused|unreachable|closed/i);

        // back to the right port: the page reads the BMC again
        await openHostList(app.page);
        await hosts.editButton('lab-renamed').click();
        await hosts.editForm.locator('input[name=port]').fill(String(lab.port));
        await hosts.editSubmit.click();
        await expect.poll(() => hosts.row('lab-renamed').textContent()).toContain(`:${lab.port}`);
        await hosts.row('lab-renamed').getByTestId('host-link').click();
        await detail.deviceId.waitFor({ timeout: 20_000 });
        expect(await detail.deviceId.textContent()).toBe(/Device ID\s*:\s*(\d+)/.exec(mc.stdout)?.[1]);

        // a typed password replaces the stored one: a wrong one is refused by the BMC, the right one works
        await openHostList(app.page);
        await hosts.editButton('lab-renamed').click();
        await hosts.editForm.locator('input[name=password]').fill('not-the-password');
        await hosts.editSubmit.click();
        await expect.poll(() => hosts.editForm.count()).toBe(0);
        await hosts.row('lab-renamed').getByTestId('host-link').click();
        await detail.error.waitFor({ timeout: 20_000 });
        expect(await detail.error.textContent()).toMatch(/wrong password|refused the login/i);
        await openHostList(app.page);
        await hosts.editButton('lab-renamed').click();
        await hosts.editForm.locator('input[name=password]').fill(LAB_USERS.admin.password);
        await hosts.editSubmit.click();
        await expect.poll(() => hosts.editForm.count()).toBe(0);
        await hosts.row('lab-renamed').getByTestId('host-link').click();
        await detail.deviceId.waitFor({ timeout: 20_000 });
        await openHostList(app.page);
      });

      it('exports CSV without passwords and imports it into a fresh app: same hosts', async () => {
        const hosts = hostsPage(app.page);
        const [download] = await Promise.all([app.page.waitForEvent('download'), hosts.exportButton.click()]);
        expect(download.suggestedFilename()).toMatch(/^bmc-desk-hosts-\d{8}-\d{4}\.csv$/);
        const text = await readFile(await download.path(), 'utf8');
        expect(text.split('\r\n')[0]).toBe(
          'name,address,port,username,interface,cipherSuite,privilege,groups,notes',
        );
        expect(text).toContain('lab-renamed');
        expect(text).toContain('"spare, ""cold"" standby"');
        expect(text).not.toContain(LAB_USERS.admin.password);
        expect(text).not.toMatch(/password/i);
        const before = await listViaApi(app.page);

        const fresh = await launchApp(kind);
        try {
          await hostsPage(fresh.page).ready();
          const other = hostsPage(fresh.page);
          await other.table.waitFor();
          await other.importInput.setInputFiles({
            name: 'hosts.csv',
            mimeType: 'text/csv',
            buffer: Buffer.from(text, 'utf8'),
          });
          await other.importResult.waitFor();
          expect(await other.importResult.getAttribute('data-ok')).toBe('true');
          expect(await other.importResult.textContent()).toContain(
            `Imported ${before.length} hosts from hosts.csv`,
          );
          await expect.poll(() => other.rows.count()).toBe(before.length);
          const after = await listViaApi(fresh.page);
          expect(essence(after)).toEqual(essence(before));
          // CSV carries no password, so nothing was stored for the imported hosts
          expect(after.every((h) => !h.hasPassword)).toBe(true);
          expect(fresh.consoleErrors).toEqual([]);
        } finally {
          await fresh.close();
        }
      });

      it('a CSV with a bad line names the line and why, and imports nothing', async () => {
        const hosts = hostsPage(app.page);
        const before = (await listViaApi(app.page)).length;
        const csv =
          'name,address,port\nok-01,192.0.2.31,623\nbad-02,192.0.2.32,99999\nok-03,192.0.2.33,623\n';
        await hosts.importInput.setInputFiles({
          name: 'bad.csv',
          mimeType: 'text/csv',
          buffer: Buffer.from(csv),
        });
        await expect.poll(() => hosts.importResult.getAttribute('data-ok')).toBe('false');
        expect(await hosts.importResult.getAttribute('data-line')).toBe('3');
        const said = await hosts.importResult.textContent();
        expect(said).toContain('Nothing was imported from bad.csv');
        expect(said).toContain('CSV line 3 is invalid');
        expect(said).toContain('Line 3');
        expect(said).toMatch(/field: port/);
        expect(said).toContain('Too big');
        expect((await listViaApi(app.page)).length).toBe(before);
        expect(await hosts.row('ok-01').count()).toBe(0);
        await shot('host-list-import-error');
        await hosts.importResult.getByRole('button', { name: 'Close' }).click();
        await expect.poll(() => hosts.importResult.count()).toBe(0);
      });

      it('search and the tag filter narrow the rows', async () => {
        const hosts = hostsPage(app.page);
        // sorted by name by default
        expect(await hosts.shownNames()).toEqual(['db-01', 'edge-01', 'lab-renamed']);
        await hosts.search.fill('EDGE');
        await expect.poll(() => hosts.shownNames()).toEqual(['edge-01']);
        await hosts.search.fill('192.0.2.21');
        await expect.poll(() => hosts.shownNames()).toEqual(['db-01']);
        await hosts.search.fill('rack');
        await expect.poll(async () => (await hosts.shownNames()).sort()).toEqual(['db-01', 'lab-renamed']);
        await hosts.search.fill('');
        await chooseOption(app.page, hosts.tagFilter, 'web');
        await app.page.keyboard.press('Escape');
        await expect.poll(() => hosts.shownNames()).toEqual(['lab-renamed']);
        expect(await hosts.count.textContent()).toBe('1 of 3');
        // tags are shown in the row
        expect(await hosts.row('lab-renamed').getByTestId('host-groups').textContent()).toBe('rack-aweb');
        await hosts.tagFilter.locator('.ant-select-clear').click({ force: true });
        await expect.poll(async () => (await hosts.shownNames()).length).toBe(3);
      });

      it('every control is reachable by keyboard with visible focus', async () => {
        const hosts = hostsPage(app.page);
        await app.page.locator('body').click({ position: { x: 5, y: 200 } });
        for (const [name, target] of [
          ['search', hosts.search],
          ['import', hosts.importButton],
          ['export', hosts.exportButton],
          ['add', hosts.addButton],
          ['edit', hosts.editButton('lab-renamed')],
        ] as const) {
          expect(await tabTo(app.page, target), name).toEqual({ reached: true, visible: true });
        }
        // a sortable header is reached by keyboard too, and Enter sorts by it (name: ascending → descending)
        const nameHeader = app.page.locator('th[aria-label="Name"]');
        expect(await tabTo(app.page, nameHeader), 'name header').toEqual({ reached: true, visible: true });
        await app.page.keyboard.press('Enter');
        await expect.poll(() => hosts.shownNames()).toEqual(['lab-renamed', 'edge-01', 'db-01']);
        await app.page.keyboard.press('Enter'); // → unsorted
        await app.page.keyboard.press('Enter'); // → ascending again
        await expect.poll(() => hosts.shownNames()).toEqual(['db-01', 'edge-01', 'lab-renamed']);
        await app.page.keyboard.press('Shift+Tab'); // back into the toolbar, then forward to the row
        expect(await tabTo(app.page, hosts.editButton('lab-renamed')), 'edit again').toEqual({
          reached: true,
          visible: true,
        });
        // Enter on the focused edit button opens the dialog
        await app.page.keyboard.press('Enter');
        await hosts.editForm.waitFor();
        await app.page.keyboard.press('Escape');
        await expect.poll(() => hosts.editForm.count()).toBe(0);
      });

      it('the list passes axe with no overflow in both languages', async () => {
        const hosts = hostsPage(app.page);
        const list = await checkPageBothLanguages(app.page, `${kind}-host-list`, async (lang) => {
          await app.page.locator('h2', { hasText: lang === 'en' ? 'Hosts' : '主机' }).waitFor();
          await hosts.row('lab-renamed').waitFor();
          // cells render again for the new language (they skip re-renders only for unchanged hosts)
          await expect
            .poll(() => hosts.row('lab-renamed').textContent())
            .toMatch(lang === 'en' ? /password stored.*Edit.*Remove/ : /已保存密码.*编辑.*删除/);
          await menusClosed(app.page);
        });
        for (const c of list) {
          expect(c.axe, `${c.lang} axe`).toEqual([]);
          expect(c.overflow, `${c.lang} overflow`).toBe(0);
        }
        // the whole window is the app: the list scrolls inside the table, not the page
        expect(
          await app.page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
        ).toBe(0);
      });

      it('the edit dialog passes axe with no overflow in both languages', async () => {
        const hosts = hostsPage(app.page);
        // the dialog is opened in each language (an open dialog covers the language selector)
        const dialog = await checkPageBothLanguages(
          app.page,
          `${kind}-host-edit`,
          async (lang) => {
            await hosts.editButton('lab-renamed').click();
            await app.page
              .locator('.ant-modal-title', {
                hasText: lang === 'en' ? 'Edit lab-renamed' : '编辑 lab-renamed',
              })
              .waitFor();
            await hosts.editForm.waitFor();
            await menusClosed(app.page);
            // the dialog has finished zooming in (a half-transparent dialog would fail contrast)
            await expect
              .poll(() =>
                app.page.evaluate(() =>
                  Array.from(document.querySelectorAll('.ant-modal-root')).every(
                    (el) => el.getAnimations({ subtree: true }).length === 0,
                  ),
                ),
              )
              .toBe(true);
          },
          async () => {
            await app.page.keyboard.press('Escape');
            await expect.poll(() => app.page.locator('.ant-modal-wrap:visible').count()).toBe(0);
          },
        );
        for (const c of dialog) {
          expect(c.axe, `${c.lang} axe`).toEqual([]);
          expect(c.overflow, `${c.lang} overflow`).toBe(0);
        }
      });

      it('1,000 hosts render as virtual rows and search still works', async () => {
        const hosts = hostsPage(app.page);
        const lines = ['name,address,port,username,groups'];
        for (let i = 1; i <= 1000; i++)
          lines.push(
            `bulk-${String(i).padStart(4, '0')},10.20.${Math.floor(i / 250)}.${i % 250},623,admin,bulk;rack-${i % 10}`,
          );
        const t0 = Date.now();
        expect(await importViaApi(app.page, lines.join('\n') + '\n')).toBe(1000);
        await expect.poll(() => hosts.count.textContent(), { timeout: 20_000 }).toBe('1,003 of 1,003');
        await hosts.rows.first().waitFor();
        const shownMs = Date.now() - t0;
        const domRows = await hosts.rows.count();
        console.log(`1,000 hosts: imported and shown in ${shownMs} ms; ${domRows} rows in the DOM`);
        await shot('host-list-1000');
        expect(domRows).toBeGreaterThan(5);
        expect(domRows).toBeLessThan(100);
        expect(
          await app.page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight),
        ).toBe(0);

        const t1 = Date.now();
        await hosts.search.fill('bulk-0777');
        await expect.poll(() => hosts.shownNames(), { timeout: 10_000 }).toEqual(['bulk-0777']);
        console.log(`search over 1,003 hosts: ${Date.now() - t1} ms to one row`);
        await hosts.search.fill('lab-renamed');
        await expect.poll(() => hosts.shownNames(), { timeout: 10_000 }).toEqual(['lab-renamed']);
        await hosts.search.fill('rack-7');
        await expect.poll(() => hosts.count.textContent(), { timeout: 10_000 }).toBe('100 of 1,003');
        await hosts.search.fill('');
        await expect.poll(() => hosts.count.textContent(), { timeout: 10_000 }).toBe('1,003 of 1,003');

        // one host changes: only its row renders again (memoised columns, unchanged hosts keep identity)
        await expect.poll(() => hosts.shownNames()).toContain('bulk-0003');
        const target = (await listViaApi(app.page)).find((h) => h.name === 'bulk-0003')!;
        await app.page.evaluate(() => {
          const w = window as unknown as { __rendered: string[]; __hostRowRendered: (id: string) => void };
          w.__rendered = [];
          w.__hostRowRendered = (id) => w.__rendered.push(id);
        });
        await app.page.evaluate(async (id) => {
          const r = await (window as unknown as { bmc: BmcApi }).bmc['hosts.update']({
            id,
            patch: { groups: ['bulk', 'rack-3', 'changed'] },
          });
          if (!r.ok) throw new Error(r.error.message);
        }, target.id);
        await expect
          .poll(() => hosts.row('bulk-0003').getByTestId('host-groups').textContent())
          .toBe('bulkrack-3changed');
        const rendered = await app.page.evaluate(
          () => (window as unknown as { __rendered: string[] }).__rendered,
        );
        console.log(
          `one host changed: ${rendered.length} name-cell renders, rows ${[...new Set(rendered)].join(',')}`,
        );
        expect(new Set(rendered)).toEqual(new Set([target.id]));
      });

      it('the page logged no errors', () => {
        expect(app.consoleErrors).toEqual([]);
      });
    },
  );
}
