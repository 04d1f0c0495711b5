// The host list end to end, through the real handlers against the shared ipmi_sim lab BMC: add a host
// with its password, connect, see power state and device info (cross-checked with ipmitool on the same
// BMC), a wrong password reads as such, removing a host removes its keychain entry. Runs in Chromium
// over the WebSocket host, and in the real Electron app where a binary exists.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ipmitool, LAB_USERS } from '../lab/bmc-lab';
import { launchApp, unavailable, SCREENSHOTS, type AppKind, type LaunchedApp } from '../fixtures/app';
import { hostDetail, hostsPage, switchLanguage } from '../fixtures/pages';
import { openHostList } from '../fixtures/lab-host';

const KINDS: AppKind[] = ['chromium', 'electron'];
// ipmi_sim offers cipher suites up to 3 and ignores pre-session Get Channel Cipher Suites
const LAB_CIPHER = '3';

for (const kind of KINDS) {
  const why = unavailable(kind);
  describe.skipIf(why !== null)(`host list and host page [${kind}]${why ? ` (skipped: ${why})` : ''}`, () => {
    const lab = inject('labBmc');
    let app: LaunchedApp;
    const shot = (name: string) =>
      app.page.screenshot({ path: join(SCREENSHOTS, `${kind}-${name}.png`), fullPage: true });

    beforeAll(async () => {
      mkdirSync(SCREENSHOTS, { recursive: true });
      app = await launchApp(kind);
      await hostsPage(app.page).ready();
    });
    afterAll(async () => app?.close());

    it('adds a host with its password, connects, shows power state and device info', async () => {
      const hosts = hostsPage(app.page);
      await hosts.addHost({
        name: 'lab-bmc',
        address: lab.host,
        port: lab.port,
        username: LAB_USERS.admin.name,
        password: LAB_USERS.admin.password,
        cipherSuite: LAB_CIPHER,
      });
      // adding a host opens its page (Overview), which reads power state and device info at once
      const detail = hostDetail(app.page);
      await detail.deviceId.waitFor({ timeout: 20_000 });
      await expect
        .poll(() => detail.power.getAttribute('data-power'), { timeout: 20_000 })
        .not.toBe('unknown');

      const power = await ipmitool(lab, ['chassis', 'power', 'status']);
      expect(power.code, power.stderr).toBe(0);
      const want = /is on/i.test(power.stdout) ? 'on' : 'off';
      expect(await detail.power.getAttribute('data-power')).toBe(want);

      const mc = await ipmitool(lab, ['mc', 'info']);
      const deviceId = /Device ID\s*:\s*(\d+)/.exec(mc.stdout)?.[1];
      const fw = /Firmware Revision\s*:\s*(\S+)/.exec(mc.stdout)?.[1];
      const manufacturer = /Manufacturer ID\s*:\s*(\d+)/.exec(mc.stdout)?.[1];
      expect(await detail.deviceId.textContent()).toBe(deviceId);
      expect(await detail.firmware.textContent()).toBe(fw);
      expect(await detail.manufacturer.textContent()).toBe(manufacturer);
      expect(await detail.ipmiVersion.textContent()).toMatch(/^[12]\.\d$/);
      await shot('connected');
      await openHostList(app.page);
      await expect.poll(() => hosts.row('lab-bmc').count()).toBe(1);
      await expect.poll(() => hosts.row('lab-bmc').textContent()).toMatch(/password stored/);
    });

    it('a wrong password shows a readable error', async () => {
      const hosts = hostsPage(app.page);
      await hosts.addHost({
        name: 'wrong-pw',
        address: lab.host,
        port: lab.port,
        username: LAB_USERS.admin.name,
        password: 'not-the-password',
        cipherSuite: LAB_CIPHER,
      });
      const detail = hostDetail(app.page);
      await expect.poll(() => detail.root.textContent()).toMatch(/wrong-pw/);
      await detail.error.waitFor({ timeout: 20_000 });
      expect(await detail.error.textContent()).toMatch(/wrong password|refused the login/i);
      await shot('wrong-password');
      await openHostList(app.page);
      await expect.poll(() => hosts.row('wrong-pw').count()).toBe(1);
    });

    it('switches to Chinese', async () => {
      await switchLanguage(app.page, 'zh-CN');
      await expect.poll(() => app.page.locator('h2').first().textContent()).toBe('主机');
      await shot('zh-CN');
      await switchLanguage(app.page, 'en');
    });

    it('removing a host removes its keychain entry; no password on disk', async () => {
      const hosts = hostsPage(app.page);
      const row = hosts.row('lab-bmc');
      const id = await row.getAttribute('data-host-id');
      expect(id).toMatch(/^h/);
      expect(await app.hasStoredPassword(id!)).toBe(true);
      // every file under the profile, the SDR cache folder (written once the Overview read sensors) included
      const entries = await readdir(app.userDataDir, { recursive: true, withFileTypes: true });
      for (const f of entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name))) {
        const text = await readFile(f, 'utf8');
        expect(text, f).not.toContain(LAB_USERS.admin.password);
        expect(text, f).not.toContain('not-the-password');
      }
      await row.getByTestId('remove-host').click();
      await app.page.locator('.ant-popconfirm .ant-btn-primary').click();
      await expect.poll(() => hosts.row('lab-bmc').count()).toBe(0);
      expect(await app.hasStoredPassword(id!)).toBe(false);
      await shot('removed');
    });

    it('the page logged no errors (CSP included)', () => {
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
