// lan.apply on a BMC that moves to its new address the moment it is written (the session at the old
// address times out): the app points the host at the new address and reads the result from there.
import { describe, expect, it } from 'vitest';
import { FakeRequester, type FakeAnswer } from '../ipmi/commands/fake-requester';
import { LAB_LAN_REPLIES } from '../ipmi/commands/transport/lab-replies';
import type { IpmiRequest, Requester } from '../ipmi/client/requester';
import { PlanStore } from './plan-store';
import { applyLan, planLan } from './lan-plan';
import type { Host } from '../../shared/domain/host';

const CHANNEL_INFO_LAN = [0x01, 0x04, 0x01, 0x81, 0xf2, 0x1b, 0x00, 0x00, 0x00];
/** Get Session Info (current): user 2, admin, channel 1, no console address */
const SESSION_INFO = [0x01, 0x3f, 0x01, 0x02, 0x04, 0x11];

/** One BMC state seen through two addresses: `moved` flips when parameter 3 is committed. */
function movingBmc() {
  const params: Record<number, number[]> = {};
  for (const [k, v] of Object.entries(LAB_LAN_REPLIES)) params[Number(k)] = v.slice(1);
  params[3] = [192, 0, 2, 10];
  let moved = false;
  const answer =
    (at: 'old' | 'new') =>
    (req: IpmiRequest): FakeAnswer => {
      if (at === 'old' && moved) return 'timeout';
      if (at === 'new' && !moved) return 'timeout';
      if (req.netFn === 0x06 && req.cmd === 0x42) return { data: CHANNEL_INFO_LAN };
      if (req.netFn === 0x06 && req.cmd === 0x3d) return { data: SESSION_INFO };
      const [, p, ...data] = Array.from(req.data ?? []);
      if (req.cmd === 0x02) return params[p!] ? { data: [0x11, ...params[p!]!] } : { cc: 0x80 };
      params[p!] = data;
      if (p === 3) moved = true; // this BMC applies the address at once, lock or not
      return {};
    };
  return { old: new FakeRequester(answer('old')), next: new FakeRequester(answer('new')) };
}

const host: Host = {
  id: 'h0movetest1',
  name: 'm',
  address: '192.0.2.10',
  port: 623,
  username: 'admin',
  interface: 'lanplus',
  cipherSuite: 3,
  privilege: 'administrator',
  groups: [],
  notes: '',
};

describe('lan.apply that moves the BMC', () => {
  it('follows the new address when the old one stops answering', async () => {
    const bmc = movingBmc();
    const plans = new PlanStore();
    const plan = await planLan(plans, host, bmc.old, { channel: 1, settings: { ipAddress: '192.0.2.20' } });
    expect(plan.verdict.level).toBe('reconnect');
    let at: Requester = bmc.old;
    const moves: string[] = [];
    const res = await applyLan(
      {
        plans,
        use: (_id, fn) => fn(at),
        moveHost: async (_id, address) => {
          moves.push(address);
          at = bmc.next;
        },
      },
      { hostId: host.id, planId: plan.planId },
    );
    expect(moves).toEqual(['192.0.2.20']);
    expect(res).toMatchObject({
      ok: true,
      applied: ['ipAddress'],
      notApplied: [],
      reconnectAddress: '192.0.2.20',
    });
    expect(res.configuration.ipAddress).toBe('192.0.2.20');
    // the lock taken at the old address is committed and released at the new one
    expect(res.configuration.setInProgress).toBe('complete');
    expect(bmc.next.sent.filter((s) => s.cmd === 0x01).map((s) => s.data.slice(1))).toEqual([
      [0, 2],
      [0, 0],
    ]);
  });
});
