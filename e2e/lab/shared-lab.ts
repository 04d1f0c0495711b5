// The lab BMC started once by global-setup.ts. Read-mostly: tests must not stop it, change users or
// erase its SEL (start a private one with startLabBmc() for that).
import { inject } from 'vitest';

export interface SharedLabBmc {
  host: '127.0.0.1';
  port: number;
  stateDir: string;
}

export function sharedLabBmc(): SharedLabBmc {
  const bmc = inject('labBmc');
  if (!bmc) throw new Error('no shared lab BMC: run this test in the peer or e2e project (global-setup.ts)');
  return bmc;
}
