// The lab BMC started once by global-setup.ts. Read-mostly: tests must not stop it, change users or
// erase its SEL (start a private one with startLabBmc() for that). It is shared by every test file, and
// ipmi_sim holds at most 63 sessions, freeing an abandoned one (failed login, unclosed session) only
// after 30 s of silence (OpenIPMI lanserv_ipmi.c MAX_SESSIONS, default_session_timeout; not
// configurable): tests that provoke many failed logins or leave sessions open should use their own BMC.
import { inject } from 'vitest';

export interface SharedLabBmc {
  host: string;
  port: number;
  stateDir: string;
}

export function sharedLabBmc(): SharedLabBmc {
  const bmc = inject('labBmc');
  if (!bmc) throw new Error('no shared lab BMC: run this test in the peer or e2e project (global-setup.ts)');
  return bmc;
}
