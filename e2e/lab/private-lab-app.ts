// Peer-test support: the usual frame of a peer test file that changes its BMC's state, registered as the
// file's beforeAll/afterAll: a private lab ipmi_sim (no satellite) and an app whose one host is it
// (lab-app.ts), both stopped when the file is done.
import { afterAll, beforeAll } from 'vitest';
import { startLabBmc, type LabBmc } from './bmc-lab';
import { labApp, type LabApp, type LabAppOptions, type LabHostSpec } from './lab-app';

/** `ready` gets the BMC and the app once both are up (before the file's first test). */
export function privateLabApp(
  ready: (bmc: LabBmc, app: LabApp) => void,
  o: Omit<LabHostSpec, 'bmc'> & LabAppOptions = {},
): void {
  let bmc: LabBmc | undefined;
  let app: LabApp | undefined;
  beforeAll(async () => {
    bmc = await startLabBmc({ satellite: false });
    app = await labApp(bmc, o.user, o);
    ready(bmc, app);
  }, 60_000);
  afterAll(async () => {
    await app?.shutdown();
    await bmc?.stop();
  });
}
