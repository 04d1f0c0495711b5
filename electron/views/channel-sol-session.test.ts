// Known answers for the SOL, channel, cipher suite and session views, and the cipher-privilege plan.
import { describe, expect, it } from 'vitest';
import { channelInfo, cipherSuite } from '../../shared/domain/channel';
import { solConfiguration } from '../../shared/domain/sol';
import { sessionSlot } from '../../shared/domain/session-info';
import { decodeChannelInfo } from '../ipmi/commands/app/get-channel-info';
import { decodeSessionInfo } from '../ipmi/commands/app/get-session-info';
import { computeCipherPrivilegesPlan } from '../services/cipher-privileges-plan';
import { channelAccessView, channelInfoView, cipherSuiteView } from './channel';
import { sessionSlotView } from './session-info';
import { solConfigurationView, toSolSetting } from './sol';

describe('SOL view', () => {
  it('words for privilege, set-in-progress and bit rates; codes kept', () => {
    const v = solConfigurationView(1, {
      unsupported: ['payloadPort'],
      setInProgress: 2,
      enabled: true,
      privilegeLevel: 3,
      volatileBitRate: 0x0a,
      nonVolatileBitRate: 0,
      characterAccumulateIntervalMs: 60,
    });
    expect(solConfiguration.parse(v)).toEqual(v);
    expect(v).toEqual({
      channel: 1,
      unsupported: ['payloadPort'],
      setInProgress: 'commit-write',
      enabled: true,
      privilegeLevel: 3,
      privilege: 'operator',
      volatileBitRate: { code: 10, kbps: 115.2 },
      nonVolatileBitRate: { code: 0, kbps: null },
      characterAccumulateIntervalMs: 60,
    });
    expect(solConfigurationView(1, { unsupported: [], privilegeLevel: 9, volatileBitRate: 3 })).toMatchObject(
      {
        privilege: 'reserved',
        volatileBitRate: { code: 3, kbps: null },
      },
    );
  });
  it('app settings become the wire codes', () => {
    expect(toSolSetting({ name: 'privilege-level', value: 'administrator' })).toEqual({
      name: 'privilege-level',
      value: 4,
    });
    expect(toSolSetting({ name: 'volatile-bit-rate', value: '57.6' })).toEqual({
      name: 'volatile-bit-rate',
      value: 9,
    });
  });
});

describe('channel views', () => {
  it('the lab LAN channel, and OEM / reserved media by range', () => {
    const lan = channelInfoView(
      decodeChannelInfo(Uint8Array.of(0x01, 0x04, 0x01, 0x81, 0xf2, 0x1b, 0, 0, 0)),
    );
    expect(channelInfo.parse(lan)).toEqual(lan);
    expect(lan).toMatchObject({
      channel: 1,
      medium: { code: 4, name: 'lan-802.3' },
      protocol: { code: 1, name: 'ipmb-1.0' },
      sessionSupport: 'multi-session',
      activeSessions: 1,
      vendorId: 7154,
    });
    const oem = channelInfoView(
      decodeChannelInfo(Uint8Array.of(0x05, 0x61, 0x1d, 0x00, 0xf2, 0x1b, 0, 1, 2)),
    );
    expect(oem.medium).toEqual({ code: 0x61, name: 'oem' });
    expect(oem.protocol).toEqual({ code: 0x1d, name: 'oem' });
    expect(
      channelInfoView(decodeChannelInfo(Uint8Array.of(0x05, 0x20, 0x10, 0, 0, 0, 0, 0, 0))).medium.name,
    ).toBe('reserved');
  });
  it('access: the spec\'s "disabled" bits read as enabled flags', () => {
    expect(
      channelAccessView({
        alertingDisabled: true,
        perMessageAuthDisabled: false,
        userLevelAuthDisabled: false,
        accessMode: undefined,
        privilegeLimit: 4,
      }),
    ).toEqual({
      alerting: false,
      perMessageAuth: true,
      userLevelAuth: true,
      accessMode: 'reserved',
      privilegeLimit: 4,
      privilege: 'administrator',
    });
  });
  it('cipher suite algorithms in words, OEM algorithm numbers by range', () => {
    const v = cipherSuiteView({
      id: 17,
      iana: undefined,
      auth: 3,
      integrity: [4],
      confidentiality: [1, 0x31],
    });
    expect(cipherSuite.parse(v)).toEqual(v);
    expect(v).toEqual({
      id: 17,
      iana: null,
      authentication: { code: 3, name: 'rakp-hmac-sha256' },
      integrity: [{ code: 4, name: 'hmac-sha256-128' }],
      confidentiality: [
        { code: 1, name: 'aes-cbc-128' },
        { code: 0x31, name: 'oem' },
      ],
    });
  });
});

describe('session view', () => {
  it('a LAN session, an empty slot, a short reply', () => {
    const data = Uint8Array.of(2, 0x3f, 2, 0x02, 0x04, 0x11, 192, 0, 2, 50, 2, 0, 0, 0, 0, 9, 0x6f, 0x02);
    const v = sessionSlotView(decodeSessionInfo(data));
    expect(sessionSlot.parse(v)).toEqual(v);
    expect(v).toEqual({
      handle: 2,
      slotCount: 63,
      activeCount: 2,
      session: {
        userId: 2,
        privilegeLevel: 4,
        privilege: 'administrator',
        protocol: 'ipmi-2.0',
        channel: 1,
        partial: false,
      },
      lan: { consoleIp: '192.0.2.50', consoleMac: '02:00:00:00:00:09', consolePort: 623 },
    });
    expect(sessionSlotView(decodeSessionInfo(Uint8Array.of(0, 0x3f, 1)))).toEqual({
      handle: 0,
      slotCount: 63,
      activeCount: 1,
    });
    expect(sessionSlotView(decodeSessionInfo(Uint8Array.of(1, 0x3f, 1, 2))).session).toMatchObject({
      partial: true,
    });
  });
});

describe('cipher privilege plan', () => {
  const entries = [0, 1, 2, 3].map((i) => ({
    entry: i,
    suiteId: i === 3 ? null : i + 1,
    privilege: 'administrator' as const,
  }));
  const us = { cipherSuite: 3, privilege: 4, sameChannel: true };
  it('only changed entries are steps; our suite below our privilege is lockout', () => {
    const p = computeCipherPrivilegesPlan(entries, ['user', 'administrator', 'operator'], us);
    expect(p.steps).toEqual([
      { field: 'entry.0.suite.1', from: 'administrator', to: 'user', affectsConnection: false },
      { field: 'entry.2.suite.3', from: 'administrator', to: 'operator', affectsConnection: true },
    ]);
    expect(p.verdict.level).toBe('lockout');
    expect(p.verdict.reasons.map((r) => r.code)).toEqual(['cipher-suite-privilege']);
    expect(p.next).toEqual([2, 4, 3, 4]);
  });
  it('disabling our suite is its own reason; another channel or an IPMI 1.5 session is safe', () => {
    expect(
      computeCipherPrivilegesPlan(entries, ['administrator', 'administrator', 'unused'], us).verdict
        .reasons[0]!.code,
    ).toBe('cipher-suite-disabled');
    expect(
      computeCipherPrivilegesPlan(entries, ['administrator', 'administrator', 'unused'], {
        ...us,
        sameChannel: false,
      }).verdict.level,
    ).toBe('safe');
    expect(
      computeCipherPrivilegesPlan(entries, ['administrator', 'administrator', 'user'], {
        ...us,
        cipherSuite: undefined,
      }).verdict.level,
    ).toBe('safe');
  });
  it('more entries than the BMC has is an argument error', () => {
    expect(() => computeCipherPrivilegesPlan(entries, Array(5).fill('user'), us)).toThrow(
      expect.objectContaining({ kind: 'argument' }),
    );
  });
});
