// sol.config.get/set, channel.info, channel.cipherSuites, channel.cipherPrivileges.plan/apply and
// session.info through the IPC dispatcher against a lab ipmi_sim. Each view is printed with the CLI's
// printer and compared with ipmitool's text for the same BMC; each write is read back by ipmitool.
import { describe, expect, it } from 'vitest';
import { ipmitool, LAB_USERS, type LabBmc } from '../../e2e/lab/bmc-lab';
import { unwrap as ok, type LabApp } from '../../e2e/lab/lab-app';
import { privateLabApp } from '../../e2e/lab/private-lab-app';
import type { SolConfigurationView } from '../../shared/domain/sol';
import type { ChannelInfoView, CipherSuitesView } from '../../shared/domain/channel';
import type { SessionInfoView } from '../../shared/domain/session-info';
import type { Plan } from '../../shared/domain/plan';
import { formatSolInfo } from '../cli/format/sol';
import {
  formatChannelInfo,
  formatCipherSuites,
  formatNonVolatileAccess,
  formatVolatileAccess,
} from '../cli/format/channel';
import { formatSessionInfo } from '../cli/format/session';

let bmc: LabBmc;
let app: LabApp;
const HOST_ID = 'h0chanpeer01';

privateLabApp((b, a) => ([bmc, app] = [b, a]), { id: HOST_ID });

async function theirs(args: string[]): Promise<string> {
  const r = await ipmitool(bmc, args);
  if (r.code !== 0) throw new Error(`ipmitool ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}
const activeCount = /^ {2}Active Session Count {2}: (\d+)$/m;

describe('sol.config', () => {
  it('get prints what ipmitool sol info shows', async () => {
    const v = await ok<SolConfigurationView>(app.dispatch('sol.config.get', { hostId: HOST_ID, channel: 1 }));
    expect(v.unsupported).toEqual([
      'authentication',
      'characterInterval',
      'retry',
      'payloadChannel',
      'payloadPort',
    ]);
    // ipmitool shows the session's UDP port where the BMC has no payload port parameter
    expect(formatSolInfo(v, 1, bmc.port)).toBe(await theirs(['sol', 'info', '1']));
  });
  it('set writes in order and returns the read-back; ipmitool reads the same', async () => {
    const v = await ok<SolConfigurationView>(
      app.dispatch('sol.config.set', {
        hostId: HOST_ID,
        channel: 1,
        settings: [
          { name: 'volatile-bit-rate', value: '38.4' },
          { name: 'enabled', value: false },
        ],
      }),
    );
    expect(v.volatileBitRate).toEqual({ code: 8, kbps: 38.4 });
    expect(v.enabled).toBe(false);
    const text = await theirs(['sol', 'info', '1']);
    expect(text).toMatch(/^Volatile Bit Rate \(kbps\) {8}: 38\.4$/m);
    expect(text).toMatch(/^Enabled {25}: false$/m);
    await ok(
      app.dispatch('sol.config.set', {
        hostId: HOST_ID,
        channel: 1,
        settings: [{ name: 'enabled', value: true }],
      }),
    );
    expect(await theirs(['sol', 'info', '1'])).toMatch(/^Enabled {25}: true$/m);
  });
  it('a parameter the BMC lacks is the BMC’s completion code, nothing half-written', async () => {
    const before = await theirs(['sol', 'info', '1']);
    const r = await app.dispatch('sol.config.set', {
      hostId: HOST_ID,
      channel: 1,
      settings: [{ name: 'retry-count', value: 3 }],
    });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'completion-code', completionCode: 0x80, cmd: 0x22 },
    });
    expect(await theirs(['sol', 'info', '1'])).toBe(before);
  });
});

describe('channel', () => {
  it('info prints what ipmitool channel info shows (the session count compared as a number)', async () => {
    const v = await ok<ChannelInfoView>(app.dispatch('channel.info', { hostId: HOST_ID, channel: 1 }));
    expect(v.medium).toEqual({ code: 4, name: 'lan-802.3' });
    const ours =
      formatChannelInfo(v) +
      formatVolatileAccess(v.access!.volatile) +
      formatNonVolatileAccess(v.access!.nonVolatile);
    const text = await theirs(['channel', 'info', '1']);
    const mask = (s: string) => s.replace(activeCount, '  Active Session Count  : N');
    expect(mask(ours)).toBe(mask(text));
    expect(v.activeSessions).toBeGreaterThanOrEqual(1);
  });
  it('cipherSuites: ipmitool’s 12 rows, then the 3 it drops; privileges from lan print', async () => {
    const v = await ok<CipherSuitesView>(
      app.dispatch('channel.cipherSuites', { hostId: HOST_ID, channel: 1 }),
    );
    const text = await theirs(['channel', 'getciphers', 'ipmi', '1']);
    expect(text.split('\n')).toHaveLength(1 + 12 + 1);
    expect(formatCipherSuites(v.suites).startsWith(text)).toBe(true);
    expect(v.suites.map((s) => s.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(v.suites[3]).toMatchObject({
      authentication: { code: 1, name: 'rakp-hmac-sha1' },
      integrity: [{ code: 1, name: 'hmac-sha1-96' }],
      confidentiality: [{ code: 1, name: 'aes-cbc-128' }],
    });
    const privMax = /^Cipher Suite Priv Max {3}: (\S+)$/m.exec(await theirs(['lan', 'print', '1']))![1]!;
    const chars: Record<string, string> = {
      X: 'unused',
      c: 'callback',
      u: 'user',
      o: 'operator',
      a: 'administrator',
      O: 'oem',
    };
    expect(v.privilegeEntries!.slice(0, 15).map((e) => e.privilege)).toEqual(
      Array.from(privMax, (c) => chars[c]),
    );
  });
  it('cipher privileges: demoting another suite is safe; demoting ours is lockout, refused until confirmed', async () => {
    const v = await ok<CipherSuitesView>(
      app.dispatch('channel.cipherSuites', { hostId: HOST_ID, channel: 1 }),
    );
    const entries = v.privilegeEntries!;
    // ipmi_sim lists suite ids from entry 0 without the reserved byte, so by the spec entry i is suite i+1
    const ours = entries.findIndex((e) => e.suiteId === 3);
    const other = entries.findIndex((e) => e.suiteId === 7);
    expect([ours, other]).toEqual([2, 6]);
    const wanted = entries.map((e) => e.privilege);
    wanted[other] = 'user';
    const safe = await ok<Plan>(
      app.dispatch('channel.cipherPrivileges.plan', { hostId: HOST_ID, channel: 1, privileges: wanted }),
    );
    expect(safe.verdict).toEqual({ level: 'safe', reasons: [] });
    expect(safe.steps).toEqual([
      { field: 'entry.6.suite.7', from: 'administrator', to: 'user', affectsConnection: false },
    ]);
    await ok(app.dispatch('channel.cipherPrivileges.apply', { hostId: HOST_ID, planId: safe.planId }));
    expect(await theirs(['lan', 'print', '1'])).toMatch(/^Cipher Suite Priv Max {3}: aaaaaauaaaaaaaa$/m);

    const demote = await ok<Plan>(
      app.dispatch('channel.cipherPrivileges.plan', {
        hostId: HOST_ID,
        channel: 1,
        privileges: ['administrator', 'administrator', 'operator'],
      }),
    );
    expect(demote.verdict).toMatchObject({ level: 'lockout', reasons: [{ code: 'cipher-suite-privilege' }] });
    expect(demote.steps).toEqual([
      { field: 'entry.2.suite.3', from: 'administrator', to: 'operator', affectsConnection: true },
    ]);
    const refused = await app.dispatch('channel.cipherPrivileges.apply', {
      hostId: HOST_ID,
      planId: demote.planId,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'lockout', reasons: ['cipher-suite-privilege'] },
    });
    expect(await theirs(['lan', 'print', '1'])).toMatch(/^Cipher Suite Priv Max {3}: aaaaaauaaaaaaaa$/m);
    const done = await ok<{ cipherSuites: CipherSuitesView }>(
      app.dispatch('channel.cipherPrivileges.apply', {
        hostId: HOST_ID,
        planId: demote.planId,
        confirmLockout: true,
      }),
    );
    expect(done.cipherSuites.suites.find((s) => s.id === 3)?.maxPrivilege).toBe('operator');
    expect(await theirs(['lan', 'print', '1'])).toMatch(/^Cipher Suite Priv Max {3}: aaoaaauaaaaaaaa$/m);
    // put the lab back for the tests after this one
    expect((await ipmitool(bmc, ['lan', 'set', '1', 'cipher_privs', 'aaaaaaaaaaaaaaa'])).code).toBe(0);
  });
  it('a plan whose parameter changed meanwhile is stale-plan', async () => {
    const plan = await ok<Plan>(
      app.dispatch('channel.cipherPrivileges.plan', { hostId: HOST_ID, channel: 1, privileges: ['unused'] }),
    );
    expect((await ipmitool(bmc, ['lan', 'set', '1', 'cipher_privs', 'aaaaaaaaaaaaaau'])).code).toBe(0);
    const r = await app.dispatch('channel.cipherPrivileges.apply', { hostId: HOST_ID, planId: plan.planId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'stale-plan', reasons: ['cipher-privileges-changed'] },
    });
    expect(await theirs(['lan', 'print', '1'])).toMatch(/^Cipher Suite Priv Max {3}: aaaaaaaaaaaaaau$/m);
  });
});

describe('session.info', () => {
  it('our session and each active one, as ipmitool session info prints them', async () => {
    const v = await ok<SessionInfoView>(app.dispatch('session.info', { hostId: HOST_ID }));
    expect(v.current.session).toMatchObject({
      userId: LAB_USERS.admin.id,
      privilege: 'administrator',
      protocol: 'ipmi-2.0',
      channel: 1,
    });
    expect(v.active).toHaveLength(v.current.activeCount);
    // ipmitool's own session is one more than ours saw; compare the slot fields that do not move
    const text = await theirs(['session', 'info', 'all']);
    const blocks = text.split('\n\n').filter(Boolean);
    expect(blocks.length).toBeGreaterThanOrEqual(v.active.length);
    const stable = (s: string) =>
      s.replace(/^active sessions +: \d+$/m, '').replace(/^session handle +: \d+$/m, '');
    expect(stable(formatSessionInfo(v.active[0]!))).toBe(stable(blocks[0]! + '\n\n'));
  });
});
