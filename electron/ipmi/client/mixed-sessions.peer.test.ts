// Sessions of both protocols share one UDP socket: each must claim only its own datagrams.
import { describe, expect, it } from 'vitest';
import { connect } from './connect';
import { LAB_USERS } from '../../../e2e/lab/bmc-lab';
import { sharedLabBmc } from '../../../e2e/lab/shared-lab';

const lab = sharedLabBmc();
const base = {
  host: lab.host,
  port: lab.port,
  username: LAB_USERS.admin.name,
  password: LAB_USERS.admin.password,
  timeoutMs: 400,
};

describe('mixed IPMI 1.5 and RMCP+ sessions on one socket', () => {
  it('log in at the same time and answer concurrent requests without a single retransmission', async () => {
    const logins = await Promise.all([
      connect({ ...base, interface: 'lan' }),
      connect({ ...base, interface: 'lanplus' }),
      connect({ ...base, interface: 'lan', authType: 'md2' }),
      connect({ ...base, interface: 'lanplus', cipherSuite: 2 }),
    ]);
    const replies = await Promise.all(
      logins.flatMap((s) => Array.from({ length: 8 }, () => s.request({ netFn: 0x06, cmd: 0x01 }))),
    );
    expect(new Set(replies.map((r) => r.toString('hex'))).size).toBe(1);
    for (const s of logins) {
      expect(s.stats.retransmits).toBe(0);
      expect(s.stats.dropped.malformed + s.stats.dropped.badIntegrity).toBe(0);
    }
    await Promise.all(logins.map((s) => s.close()));
  });
});
