// Types what e2e/lab/global-setup.ts provides, so `inject('labBmc')` is typed in tests.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    labBmc: { host: string; port: number; stateDir: string };
  }
}
