// lan.plan verdicts (computeLanPlan) from known views and connections: what changes, in what order, and
// whether our own session survives it.
import { describe, expect, it } from 'vitest';
import type { LanConfiguration } from '../../shared/domain/lan';
import { computeLanPlan, type OurConnection } from './lan-plan';

const current: LanConfiguration = {
  channel: 1,
  ipAddressSource: 'static',
  ipAddress: '192.0.2.10',
  subnetMask: '255.255.255.0',
  defaultGateway: '192.0.2.1',
  defaultGatewayMac: '02:00:00:00:00:fe',
  macAddress: '02:00:00:00:00:01',
  snmpCommunity: 'public',
  vlan: { enabled: false, id: 0 },
  vlanPriority: 0,
  unsupported: [],
};
const direct: OurConnection = { address: '192.0.2.10', channel: 1, consoleIp: '192.0.2.50' };
const routed: OurConnection = { address: '192.0.2.10', channel: 1, consoleIp: '198.51.100.7' };
const natted: OurConnection = { address: '127.0.0.1', channel: 1, consoleIp: '127.0.0.1' };

const summary = (p: ReturnType<typeof computeLanPlan>) => ({
  level: p.verdict.level,
  codes: p.verdict.reasons.map((r) => r.code),
  steps: p.steps.map((s) => `${s.field}:${s.from}->${s.to}${s.affectsConnection ? '!' : ''}`),
});

describe('computeLanPlan', () => {
  it('a community string change is safe; an unchanged field is not written', () => {
    const p = computeLanPlan(current, { snmpCommunity: 'lab', vlanPriority: 0 }, direct);
    expect(summary(p)).toEqual({ level: 'safe', codes: [], steps: ['snmpCommunity:public->lab'] });
    expect(p.writes.map((w) => w.param)).toEqual([16]);
  });
  it('a new address we talk to is reconnect, and the app follows it', () => {
    const p = computeLanPlan(current, { ipAddress: '192.0.2.20' }, direct);
    expect(summary(p)).toEqual({
      level: 'reconnect',
      codes: ['address-changes'],
      steps: ['ipAddress:192.0.2.10->192.0.2.20!'],
    });
    expect(p.newAddress).toBe('192.0.2.20');
  });
  it('a new address when we reach the BMC some other way is lockout', () => {
    const p = computeLanPlan(current, { ipAddress: '192.0.2.20' }, natted);
    expect(summary(p).level).toBe('lockout');
    expect(summary(p).codes).toEqual(['address-path-unknown']);
    expect(p.newAddress).toBeUndefined();
  });
  it('VLAN on, or DHCP, on our channel is lockout; VLAN priority is safe', () => {
    expect(summary(computeLanPlan(current, { vlanId: 5 }, direct))).toEqual({
      level: 'lockout',
      codes: ['vlan-changes'],
      steps: ['vlanId:off->5!'],
    });
    expect(summary(computeLanPlan(current, { ipSource: 'dhcp' }, direct)).codes).toEqual([
      'address-source-dhcp',
    ]);
    expect(summary(computeLanPlan(current, { vlanPriority: 3 }, direct)).level).toBe('safe');
  });
  it('the same changes on a channel our session does not use are safe', () => {
    const other = { ...direct, channel: 2 };
    expect(summary(computeLanPlan(current, { vlanId: 5, ipAddress: '192.0.2.20' }, other)).level).toBe(
      'safe',
    );
  });
  it('addresses on a DHCP source switch to static first, VLAN last', () => {
    const p = computeLanPlan(
      { ...current, ipAddressSource: 'dhcp' },
      { vlanId: 'off', ipAddress: '192.0.2.20', subnetMask: '255.255.0.0', vlanPriority: 1 },
      { ...direct, channel: 2 },
    );
    expect(p.steps.map((s) => s.field)).toEqual(['ipSource', 'ipAddress', 'subnetMask', 'vlanPriority']);
    expect(p.steps[0]).toMatchObject({ from: 'dhcp', to: 'static' });
  });
  it('a gateway change is lockout only when we are routed through it', () => {
    expect(summary(computeLanPlan(current, { defaultGateway: '192.0.2.254' }, direct)).level).toBe('safe');
    expect(summary(computeLanPlan(current, { defaultGateway: '192.0.2.254' }, routed))).toEqual({
      level: 'lockout',
      codes: ['route-changes'],
      steps: ['defaultGateway:192.0.2.1->192.0.2.254!'],
    });
  });
  it('an unknown session channel counts as ours (the cautious answer)', () => {
    const unknown = { address: '192.0.2.10', channel: undefined, consoleIp: undefined };
    expect(summary(computeLanPlan(current, { vlanId: 7 }, unknown)).level).toBe('lockout');
  });
  it('MAC text is compared normalised; bad input is an argument error', () => {
    expect(computeLanPlan(current, { defaultGatewayMac: '2:0:0:0:0:FE' }, direct).steps).toEqual([]);
    expect(() => computeLanPlan(current, { subnetMask: '255.0.255.0' }, direct)).toThrow(/netmask/);
  });
});
