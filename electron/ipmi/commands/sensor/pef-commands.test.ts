// Known answers for the PEF commands `pef info|status|policy list` read (IPMI v2.0 §30) and for
// Platform Event Message requests (§29.3), including ipmitool's three sample events.
import { describe, expect, it } from 'vitest';
import { decodePefCapabilities } from './pef-capabilities';
import {
  decodeAlertPolicyEntry,
  decodeFlagsParam,
  decodeSystemGuidParam,
  decodeEventFilter,
  decodeTableSize,
  encodeGetPefConfig,
} from './pef-config';
import { decodeLastProcessedEvent } from './last-processed-event';
import {
  decodePlatformEvent,
  encodePlatformEvent,
  eventAsSelRecord,
  SAMPLE_EVENTS,
  SMS_GENERATOR_ID,
} from './platform-event';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');
const asHex = (b: Uint8Array) => Buffer.from(b).toString('hex');

describe('PEF', () => {
  it('capabilities: version, action bits, filter count (ipmi_sim answers 51 3f 10)', () => {
    expect(decodePefCapabilities(hex('51 3f 10'))).toEqual({
      version: 0x51,
      actions: 0x3f,
      eventFilterCount: 16,
    });
    expect(() => decodePefCapabilities(hex('51 3f'))).toThrow(/at least 3/);
  });

  it('configuration request: parameter (revision bit cleared), set, block', () => {
    expect(asHex(encodeGetPefConfig(9, 2))).toBe('090200');
    expect(asHex(encodeGetPefConfig(0x85))).toBe('050000');
    expect(() => encodeGetPefConfig(1, 256)).toThrow(/set selector/);
  });

  it('table sizes keep bits 6:0; flag parameters the whole byte', () => {
    expect(decodeTableSize(hex('11 8f'))).toBe(15);
    expect(decodeFlagsParam(hex('11 05'))).toBe(5);
  });

  it('system GUID parameter: the "use this GUID" bit and 16 bytes in wire order', () => {
    const g = decodeSystemGuidParam(hex('11 01 101112131415161718191a1b1c1d1e1f'));
    expect(g.useGuid).toBe(true);
    expect(g.guid.toString('hex')).toBe('101112131415161718191a1b1c1d1e1f');
    expect(decodeSystemGuidParam(hex('11 00' + '00'.repeat(16))).useGuid).toBe(false);
  });

  it('alert policy entry: set, enabled, rule, channel/destination, event-specific string', () => {
    expect(decodeAlertPolicyEntry(hex('11 01 18 11 00'))).toEqual({
      entry: 1,
      policySet: 1,
      enabled: true,
      rule: 0,
      channel: 1,
      destination: 1,
      eventSpecific: false,
      alertStringSet: 0,
    });
    const e = decodeAlertPolicyEntry(hex('11 82 21 02 85'));
    expect([
      e.entry,
      e.policySet,
      e.enabled,
      e.rule,
      e.channel,
      e.destination,
      e.eventSpecific,
      e.alertStringSet,
    ]).toEqual([2, 2, false, 1, 0, 2, true, 5]);
  });

  it('last processed event: timestamp and three record IDs, little-endian', () => {
    expect(decodeLastProcessedEvent(hex('00105e5f 0a00 ffff 0900'))).toEqual({
      lastAddTime: 0x5f5e1000,
      lastRecordId: 10,
      softwareProcessedId: 0xffff,
      bmcProcessedId: 9,
    });
    expect(() => decodeLastProcessedEvent(hex('00105e5f 0a00'))).toThrow(/at least 10/);
  });
});

describe('Platform Event Message', () => {
  it.each([
    [1, '04013001' + '09ffff'],
    [2, '04026001' + '02ffff'],
    [3, '040c536f' + '00ffff'],
  ] as const)('sample event %d is what ipmitool sends: %s', (n, bytes) => {
    expect(asHex(encodePlatformEvent(SAMPLE_EVENTS[n].event))).toBe(bytes);
  });

  it('the direction bit, and the software ID first on a system interface', () => {
    const ev = decodePlatformEvent(hex('04 0c 21 ef 00 ff ff'));
    expect([ev.deassertion, ev.eventType, ev.sensorNumber]).toEqual([true, 0x6f, 0x21]);
    expect(asHex(encodePlatformEvent(ev, SMS_GENERATOR_ID))).toBe('41040c21ef00ffff');
    expect(() => decodePlatformEvent(hex('04 0c'))).toThrow(/7 bytes/);
    expect(() => encodePlatformEvent({ ...ev, eventData: [0, 0, 256] })).toThrow(/out of range/);
  });

  it('the record shown before sending: ID 0, no timestamp, generator 0x41', () => {
    const r = eventAsSelRecord(SAMPLE_EVENTS[1].event);
    expect([r.recordId, r.timestamp, r.generatorId, r.sensorType, r.eventData]).toEqual([
      0,
      0,
      0x41,
      1,
      [9, 0xff, 0xff],
    ]);
  });
});

describe('PEF event filter entry', () => {
  it('decodes table 30-1 after the revision and filter number', () => {
    const f = decodeEventFilter(hex('11 01  80 05 01 10 ffff 01 ff 01 000a 010203 040506 070809'));
    expect(f).toEqual({
      id: 1,
      enabled: true,
      configType: 0,
      actions: 5,
      policyNumber: 1,
      severity: 0x10,
      generatorId: [0xff, 0xff],
      sensorType: 1,
      sensorNumber: 0xff,
      eventTrigger: 1,
      offsetMask: 0x0a00,
      dataMatch: [
        [1, 2, 3],
        [4, 5, 6],
        [7, 8, 9],
      ],
    });
    expect(decodeEventFilter(hex('11 02 40' + '00'.repeat(19))).configType).toBe(2);
    expect(() => decodeEventFilter(hex('11 01 80'))).toThrow(/at least 22/);
  });
});
