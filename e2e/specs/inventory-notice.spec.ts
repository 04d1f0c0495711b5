// A damaged host list with no usable backup: the app starts with an empty list and must say so (the
// damaged file is kept aside), rather than silently show "No hosts yet".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { launchApp, unavailable, type AppKind, type LaunchedApp } from '../fixtures/app';
import { hostsPage } from '../fixtures/pages';

const KINDS: AppKind[] = ['chromium', 'electron'];

for (const kind of KINDS) {
  const why = unavailable(kind);
  describe.skipIf(why !== null)(`damaged host list [${kind}]${why ? ` (skipped: ${why})` : ''}`, () => {
    let app: LaunchedApp;
    beforeAll(async () => {
      app = await launchApp(kind, {
        prepareUserData: (dir) => writeFile(join(dir, 'hosts.json'), '{"format":"bmc-desk-hosts",'),
      });
      await hostsPage(app.page).ready();
    });
    afterAll(async () => app?.close());

    it('without a backup: an empty list and a notice saying the list was lost', async () => {
      const notice = app.page.getByTestId('inventory-lost');
      await notice.waitFor({ timeout: 10_000 });
      expect(await notice.textContent()).toMatch(/damaged.*no backup/);
      expect(await app.page.getByTestId('inventory-restored').count()).toBe(0);
      expect(await hostsPage(app.page).rows.count()).toBe(0);
      expect((await readdir(app.userDataDir)).some((f) => f.startsWith('hosts.json.corrupt-'))).toBe(true);
      expect(app.consoleErrors).toEqual([]);
    });
  });
}
