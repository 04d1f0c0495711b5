import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Three tiers: unit (pure, no peers), peer (real BMC peers on 127.0.0.1: ipmi_sim, ipmitool, pyghmi),
// e2e (Chromium through the real handlers). Peer and e2e tiers share one lab BMC started in global setup;
// tests that must kill or reconfigure a BMC start their own instance.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    setupFiles: ['build/vitest.setup.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{electron,shared,renderer,e2e}/**/*.test.ts', 'renderer/**/*.test.tsx'],
          exclude: ['**/*.peer.test.ts', 'e2e/specs/**', 'e2e/parity/**', '**/node_modules/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'peer',
          include: ['**/*.peer.test.ts', 'e2e/parity/**/*.test.ts'],
          exclude: ['**/node_modules/**'],
          globalSetup: ['e2e/lab/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/specs/**/*.spec.ts'],
          globalSetup: ['e2e/lab/global-setup.ts'],
          testTimeout: 90_000,
          hookTimeout: 90_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
