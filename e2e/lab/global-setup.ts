// Vitest globalSetup for the `peer` and `e2e` projects: one lab BMC shared by every test file. Tests that
// stop, restart or reconfigure a BMC must start their own with startLabBmc().
import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { startLabBmc, type LabBmc } from './bmc-lab';

let bmc: LabBmc | undefined;

export async function setup(project: TestProject): Promise<void> {
  bmc = await startLabBmc();
  const labBmc: ProvidedContext['labBmc'] = { host: bmc.host, port: bmc.port, stateDir: bmc.stateDir };
  project.provide('labBmc', labBmc);
}

export async function teardown(): Promise<void> {
  await bmc?.stop();
  bmc = undefined;
}
