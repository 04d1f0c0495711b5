// firewall.read / firewall.plan / firewall.apply through the IPC dispatcher (the app harness, the app's
// real connect and pool) against the pyghmi AMI firewall BMC in each of its Get layouts (v1, v2, opaque:
// e2e/lab/ami-firewall-bmc.py), and against ipmi_sim, which has no such extension. Rules are seeded and
// checked by independent readers: `ipmitool raw 0x32 0x76/0x77` and the BMC's own JSON dump of its table.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ipmitoolRaw as ipmitoolRawAs } from '../../e2e/lab/ipmi-tools';
import {
  AMI_FIREWALL_AVAILABLE,
  startAmiFirewallBmc,
  type AmiFirewallBmc,
  type AmiFirewallLayout,
} from '../../e2e/lab/ami-firewall-bmc';
import { LAB_USERS } from '../../e2e/lab/lab-users';
import { sharedLabBmc } from '../../e2e/lab/shared-lab';
import { callErr as fails, callOk as ok, labApp, labHostsApp } from '../../e2e/lab/lab-app';
import type { FirewallApplyResult, FirewallView } from '../../shared/domain/firewall';
import type { Plan } from '../../shared/domain/plan';
import type { App } from './app-services';

/** `ipmitool raw` as the independent reader and writer, as the BMC's admin. */
const ipmitoolRaw = (bmc: AmiFirewallBmc, bytes: number[]) =>
  ipmitoolRawAs(bmc, bytes, { user: bmc.users.admin });

/** The is-block-all flag as ipmitool reads it, in each layout's shape (opaque wraps it: a2 01 <flag>). */
async function ipmitoolBlockAll(bmc: AmiFirewallBmc): Promise<number> {
  const short = bmc.layout === 'v1' ? [0x02, 0x00] : [0x02];
  const r = await ipmitoolRaw(bmc, [0x32, 0x77, ...short]);
  expect(r.cc).toBe(0);
  return r.data.at(-1)!;
}

const ACCEPT_US = { kind: 'ip', state: 'accept', address: '127.0.0.1' } as const;
const DROP_SSH = { kind: 'port', state: 'drop', protocol: 'tcp', port: 22 } as const;
/** Set param 0 ACCEPT 127.0.0.1 and param 2 DROP TCP 22 (LS byte first), sent by ipmitool */
const SEED: number[][] = [
  [0x32, 0x76, 0x00, 0x01, 127, 0, 0, 1],
  [0x32, 0x76, 0x02, 0x00, 0x00, 0x16, 0x00],
];
const DUMP_SEED = [
  { type: 0, state: 'accept', body: '7f000001', ip: '127.0.0.1' },
  { type: 2, state: 'drop', body: '001600', protocol: 'tcp', port: 22 },
];

const LAYOUTS: AmiFirewallLayout[] = ['v1', 'v2', 'opaque'];

describe.skipIf(!AMI_FIREWALL_AVAILABLE)(
  'firewall calls against the AMI firewall BMC (skipped: python3-pyghmi or the lab script missing)',
  () => {
    describe.each(LAYOUTS)('--layout %s', (layout) => {
      let bmc: AmiFirewallBmc;
      let app: App;
      const admin = 'h0fwadmin01';
      const user = 'h0fwuser001';
      const decoded = layout !== 'opaque';

      beforeAll(async () => {
        bmc = await startAmiFirewallBmc({ layout });
        // a fresh app per BMC, its sessions on the process-wide socket as the app opens them (suite 3: pyghmi
        // answers every proposal with suite 3's algorithms); a generous timeout: under load a retransmitted
        // Open Session reaches pyghmi's half-made session and confuses it
        app = await labHostsApp(
          [
            { bmc, id: admin },
            { bmc, id: user, user: LAB_USERS.user },
          ],
          { timeoutMs: 3000 },
        );
      }, 30_000);
      afterAll(async () => {
        await app?.shutdown();
        await bmc?.stop();
      });
      // pyghmi keeps one session per client address and port, and every session of the app comes from
      // its one socket: the USER host's session is closed before the admin host's is opened
      afterEach(async () => {
        await app.services.pool.close(user);
      });
      beforeEach(async () => {
        expect((await ipmitoolRaw(bmc, [0x32, 0x76, 0x08, 0x00])).cc).toBe(0); // flush
        expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
      });

      it('firewall.read (USER) shows the rules ipmitool wrote: decoded, or the bytes ipmitool reads', async () => {
        for (const req of SEED) expect((await ipmitoolRaw(bmc, req)).cc).toBe(0);
        expect(bmc.rules().rules).toEqual(DUMP_SEED);
        const view = await ok<FirewallView>(app, 'firewall.read', { hostId: user });
        if (decoded) {
          expect(view).toEqual({
            layout: 'known',
            layoutIds: [layout === 'v1' ? 'ami-v1' : 'ami-v2'],
            rules: [
              { ...ACCEPT_US, index: 0, type: 0 },
              { ...DROP_SSH, index: 1, type: 2 },
            ],
            blockAll: { active: false, raw: 0 },
          });
        } else {
          if (view.layout !== 'unknown') throw new Error('expected the raw replies');
          expect(view.note).toMatch(/^the Get Firewall replies fit no known layout/);
          expect(view.raw.map((r) => r.selector)).toEqual([
            'count',
            'entry 0',
            'entry 1',
            'entry 2',
            'is-block-all',
          ]);
          // every reply shown is exactly what ipmitool reads for the same request
          for (const r of view.raw) {
            expect(await ipmitoolRaw(bmc, [0x32, 0x77, ...r.request])).toEqual({
              cc: r.completionCode,
              data: r.reply,
            });
          }
        }
      });

      it('drop-all alone: a lockout verdict with a typed reason; apply refuses it unconfirmed, nothing is sent', async () => {
        const plan = await ok<Plan>(app, 'firewall.plan', {
          hostId: admin,
          changes: [{ op: 'drop-all', ipv4: true, ipv6: true }],
        });
        const code = decoded ? 'firewall-drop-all-uncovered' : 'firewall-drop-all-rules-unknown';
        expect(plan.verdict.level).toBe('lockout');
        expect(plan.verdict.reasons.map((r) => r.code)).toEqual([code]);
        expect(plan.verdict.reasons[0]!.message).toMatch(
          /^step 1 \(drop-all IPv4,IPv6\): drop-all (would|could) cut off 127\.0\.0\.1/,
        );
        expect(plan.steps).toEqual([
          {
            field: 'firewall.drop-all',
            from: decoded ? 'off' : null,
            to: 'drop-all IPv4,IPv6',
            affectsConnection: true,
          },
        ]);
        const e = await fails(app, 'firewall.apply', { hostId: admin, planId: plan.planId });
        expect(e).toMatchObject({ code: 'lockout', reasons: [code] });
        expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
        expect(await ipmitoolBlockAll(bmc)).toBe(0);
      });

      it('ACCEPT our address, then drop-all: judged in order; applied and read back by ipmitool and the dump', async () => {
        const plan = await ok<Plan>(app, 'firewall.plan', {
          hostId: admin,
          changes: [
            { op: 'add', rule: ACCEPT_US },
            { op: 'drop-all', ipv4: true, ipv6: false },
          ],
        });
        expect(plan.steps.map((s) => [s.field, s.from, s.to, s.affectsConnection])).toEqual([
          ['firewall.rule', null, 'add ACCEPT ip 127.0.0.1', false],
          ['firewall.drop-all', decoded ? 'off' : null, 'drop-all IPv4', !decoded],
        ]);
        // with rules we can read, the ACCEPT rule covers the drop-all; with unreadable ones nothing does
        expect(plan.verdict).toEqual(
          decoded
            ? { level: 'safe', reasons: [] }
            : {
                level: 'lockout',
                reasons: [{ code: 'firewall-drop-all-rules-unknown', message: expect.any(String) as string }],
              },
        );
        const r = await ok<FirewallApplyResult>(app, 'firewall.apply', {
          hostId: admin,
          planId: plan.planId,
          ...(decoded ? {} : { confirmLockout: true }),
        });
        expect(r.applied).toBe(2);
        expect(r.readBack).toBe(decoded ? 'matches' : 'unverifiable');
        expect(bmc.rules()).toEqual({ blockAll: 1, rules: [DUMP_SEED[0]] });
        expect(await ipmitoolBlockAll(bmc)).toBe(1);
        if (decoded) {
          expect(r.view).toEqual({
            layout: 'known',
            layoutIds: [layout === 'v1' ? 'ami-v1' : 'ami-v2'],
            rules: [{ ...ACCEPT_US, index: 0, type: 0 }],
            blockAll: { active: true, raw: 1 },
          });
        } else {
          expect(r.view.layout).toBe('unknown');
        }
        // removing the only ACCEPT rule while drop-all is on is the next lockout the plan names
        const remove = await ok<Plan>(app, 'firewall.plan', {
          hostId: admin,
          changes: [{ op: 'remove', rule: ACCEPT_US }],
        });
        expect(remove.verdict.reasons.map((x) => x.code)).toEqual([
          decoded ? 'firewall-remove-only-accept' : 'firewall-remove-accept-rules-unknown',
        ]);
        // flush is always safe, and it empties the table (read back)
        const flush = await ok<Plan>(app, 'firewall.plan', { hostId: admin, changes: [{ op: 'flush' }] });
        expect(flush.verdict.level).toBe('safe');
        expect(flush.steps[0]).toMatchObject({
          field: 'firewall.rules',
          from: decoded ? '1 rule, drop-all on IPv4' : null,
        });
        const done = await ok<FirewallApplyResult>(app, 'firewall.apply', {
          hostId: admin,
          planId: flush.planId,
        });
        expect(done.readBack).toBe(decoded ? 'matches' : 'unverifiable');
        expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
        // the removal planned before the flush was computed from rules that are gone now
        const stale = await fails(app, 'firewall.apply', {
          hostId: admin,
          planId: remove.planId,
          confirmLockout: true,
        });
        expect(stale).toMatchObject({ code: 'stale-plan', reasons: ['firewall-basis-changed'] });
        expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
      });

      it("a plan whose rules another client changed is refused as stale; the other client's rule stays", async () => {
        const plan = await ok<Plan>(app, 'firewall.plan', {
          hostId: admin,
          changes: [{ op: 'add', rule: DROP_SSH }],
        });
        expect(plan.verdict).toEqual({ level: 'safe', reasons: [] });
        expect((await ipmitoolRaw(bmc, SEED[0]!)).cc).toBe(0);
        const e = await fails(app, 'firewall.apply', { hostId: admin, planId: plan.planId });
        expect(e.code).toBe('stale-plan');
        expect(bmc.rules()).toEqual({ blockAll: 0, rules: [DUMP_SEED[0]] });
        // planned again, it applies: both rules, in order, as ipmitool reads them from the dump
        const again = await ok<Plan>(app, 'firewall.plan', {
          hostId: admin,
          changes: [{ op: 'add', rule: DROP_SSH }],
        });
        await ok<FirewallApplyResult>(app, 'firewall.apply', { hostId: admin, planId: again.planId });
        expect(bmc.rules()).toEqual({ blockAll: 0, rules: DUMP_SEED });
        const count = await ipmitoolRaw(bmc, [0x32, 0x77, ...(layout === 'v1' ? [0x00, 0x00] : [0x00])]);
        expect(count.data).toEqual({ v1: [2], v2: [2, 64], opaque: [0xa0, 1, 2] }[layout]);
      });

      it('firewall.read with an operationId: one progress event per Get exchange; a cancel stops the walk', async () => {
        for (const req of SEED) expect((await ipmitoolRaw(bmc, req)).cc).toBe(0);
        const events: { operationId: string; done: number; total: number; item: { selector: string } }[] = [];
        const unsubscribe = app.services.events.subscribe(
          (name, p) => name === 'operation.progress' && events.push(p as never),
        );
        try {
          await ok<FirewallView>(app, 'firewall.read', {
            hostId: admin,
            operationId: `op-fw-read-${layout}`,
          });
          // count, entry 0, entry 1, then: is-block-all and the count again (v1, v2: the count says 2
          // entries); entry 2 answered 0xC9 and is-block-all (opaque: no count to trust)
          expect(events.map((e) => [e.done, e.total, e.item.selector])).toEqual(
            decoded
              ? [
                  [1, 0, 'count'], // the total is known once the count is decoded
                  [2, 5, 'entry 0'],
                  [3, 5, 'entry 1'],
                  [4, 5, 'is-block-all'],
                  [5, 5, 'count'],
                ]
              : [
                  [1, 0, 'count'],
                  [2, 0, 'entry 0'],
                  [3, 0, 'entry 1'],
                  [4, 0, 'entry 2'],
                  [5, 0, 'is-block-all'],
                ],
          );
          // cancelled after the first exchange: the read rejects as cancelled and sends nothing more
          events.length = 0;
          const id = `op-fw-cancel-${layout}`;
          const stop = app.services.events.subscribe((name, p) => {
            if (name === 'operation.progress' && (p as { done: number }).done === 1)
              void app.dispatch('operations.cancel', { operationId: id });
          });
          const e = await fails(app, 'firewall.read', { hostId: admin, operationId: id });
          stop();
          expect(e.code).toBe('cancelled');
          expect(events.length).toBeLessThanOrEqual(2);
        } finally {
          unsubscribe();
        }
      });

      it('a USER session may read and plan, but its apply is refused by the BMC (0xD4) and nothing changes', async () => {
        await app.services.pool.close(admin);
        const plan = await ok<Plan>(app, 'firewall.plan', {
          hostId: user,
          changes: [{ op: 'add', rule: ACCEPT_US }],
        });
        const e = await fails(app, 'firewall.apply', { hostId: user, planId: plan.planId });
        expect(e).toMatchObject({ code: 'privilege', completionCode: 0xd4, netFn: 0x32, cmd: 0x76 });
        expect(bmc.rules()).toEqual({ blockAll: 0, rules: [] });
      });
    });
  },
);

describe('firewall.read against ipmi_sim (no AMI extension)', () => {
  it('is unsupported, naming the command, netFn and cmd', async () => {
    const lab = sharedLabBmc();
    const id = 'h0fwipmisim';
    const app = await labApp(lab, LAB_USERS.admin, { id, cipherSuite: 'auto', timeoutMs: 1000 });
    try {
      const e = await fails(app, 'firewall.read', { hostId: id });
      expect(e).toMatchObject({ code: 'unsupported', command: 'AMI Get Firewall', netFn: 0x32, cmd: 0x77 });
      const p = await fails(app, 'firewall.plan', { hostId: id, changes: [{ op: 'flush' }] });
      expect(p.code).toBe('unsupported');
    } finally {
      await app.shutdown();
    }
  });
});
