// Known answers for the `session info`, `pef` and `sel save` texts (ipmitool 1.8.19's printf formats).
import { describe, expect, it } from 'vitest';
import { formatSessionInfo } from './session';
import { sessionSlotView } from '../../views/session-info';
import {
  allFlagNames,
  CHANNEL_MEDIA,
  eventClass,
  eventTriggerText,
  firstFlagName,
  LAN_DEST_TYPES,
  listName,
  PEF_SENSOR_TYPES,
  PefLine,
  POLICY_RULES,
  SEVERITIES,
} from './pef';
import { PEF_ACTIONS } from '../../ipmi/commands/sensor/pef-capabilities';
import { selEventFileLine, strerror } from './sel-save';
import { decodeSelRecord } from '../../ipmi/decode/sel-record';

describe('session info text', () => {
  const six = {
    handle: 1,
    slotCount: 63,
    activeCount: 1,
    userId: 2,
    privilege: 4,
    channel: 1,
    auxiliary: 1,
    length: 6,
  };
  it('block form, blank line after each session', () => {
    expect(formatSessionInfo(sessionSlotView(six))).toBe(
      'session handle                : 1\nslot count                    : 63\nactive sessions               : 1\n' +
        'user id                       : 2\nprivilege level               : ADMINISTRATOR\n' +
        'session type                  : IPMIv2/RMCP+\nchannel number                : 0x01\n\n',
    );
    expect(formatSessionInfo(sessionSlotView({ handle: 0, slotCount: 63, activeCount: 1, length: 3 }))).toBe(
      'session handle                : 0\nslot count                    : 63\nactive sessions               : 1\n\n',
    );
  });
  it('CSV form, LAN data, IPMI v1.5 and unknown privilege', () => {
    const lan = { consoleIp: '192.0.2.7', consoleMac: '02:00:00:00:00:07', consolePort: 623 };
    expect(
      formatSessionInfo(sessionSlotView({ ...six, auxiliary: 0, privilege: 9, lan, length: 18 }), true),
    ).toBe('1,63,1,2,Unknown (0x09),IPMIv1.5,0x01,192.0.2.7,02:00:00:00:00:07,623\n');
  });
  it('serial/modem data', () => {
    const modem = { activityType: 2, destinationSelector: 3, consoleIp: '10.0.0.1', consolePort: 22 };
    expect(formatSessionInfo(sessionSlotView({ ...six, modem, length: 14 }))).toContain(
      'Session/Channel Activity Type : Dial-out Alert active\nDestination selector          : 3\n' +
        'console ip                    : 10.0.0.1\nconsole port                  : 22\n\n',
    );
  });
});

describe('pef line', () => {
  it('first field keeps a leading blank, the rest " | ", flags joined by commas', () => {
    const l = new PefLine().hex2(0x51).dec(16).dec(15).flags(PEF_ACTIONS, 0x05);
    expect(l.toString()).toBe(' 0x51 | 16 | 15 | Alert,Reset');
    expect(new PefLine().hex4(0xffff).flags(PEF_ACTIONS, 0).toString()).toBe(' 0xffff');
    expect(
      new PefLine().str('x').guid(Buffer.from('a123456789abcdefa123456789abcdef', 'hex')).toString(),
    ).toBe(' x | a1234567-89ab-cdef-a123-456789abcdef');
  });
  it('list maps: the matching name or "None"; "Acknowledged" never matches a 3-bit type', () => {
    expect(listName(POLICY_RULES, 4)).toBe('Try-next-destination');
    expect(listName(POLICY_RULES, 7)).toBe('None');
    expect(listName(CHANNEL_MEDIA, 1)).toBe('IPMB (I2C)');
    expect([0, 1, 6, 7].map((t) => listName(LAN_DEST_TYPES, t))).toEqual(['PET', 'None', 'OEM 1', 'OEM 2']);
  });
});

describe('sel save lines', () => {
  const rec = (h: string) => {
    const r = decodeSelRecord(Buffer.from(h.replace(/\s+/g, ''), 'hex'));
    if (r.kind !== 'system') throw new Error('not a system record');
    return r;
  };
  it('seven bytes, sensor type and number, description or "Unknown"', () => {
    const r = rec('0400 02 00105e5f 2000 04 0c 21 ef 00ffff');
    expect(selEventFileLine(r, 'Correctable ECC')).toBe(
      '0x04 0x0c 0x21 0xef 0x00 0xff 0xff # Memory #0x21 Correctable ECC\n',
    );
    expect(selEventFileLine(r, undefined)).toMatch(/ # Memory #0x21 Unknown\n$/);
    expect(selEventFileLine(r, '')).toBe('0x04 0x0c 0x21 0xef 0x00 0xff 0xff # Memory #0x21 \n');
  });
  it('strerror texts for file errors', () => {
    expect(strerror(Object.assign(new Error('x'), { code: 'EISDIR' }))).toBe('Is a directory');
    expect(strerror(Object.assign(new Error('odd'), { code: 'EWHAT' }))).toBe('odd');
  });
});

describe('pef filter texts', () => {
  it('event triggers as ipmitool words them', () => {
    expect(eventTriggerText(1, 0x0a00)).toBe('(0x01/0x0a00),<UC,<UNR');
    expect(eventTriggerText(7, 0x0003)).toBe('(0x07/0x0003),ok,<warn');
    expect(eventTriggerText(2, 0x0008)).toBe('(0x02/0x0008),None'); // offset 3 has no name for type 2
    expect(eventTriggerText(0x20, 0x0001)).toBe('(0x20/0x0001), Unrecognized event trigger');
    expect(eventTriggerText(1, 0xffff)).toBe('Any');
    expect(eventTriggerText(0xff, 0)).toBe('Any');
    expect(eventTriggerText(0, 1)).toBe('Unspecified');
    expect(eventTriggerText(0x6f, 1)).toBe('Sensor-specific');
    expect(eventTriggerText(0x70, 1)).toBe('OEM');
    expect([eventClass(1), eventClass(0x6f), eventClass(0x70)]).toEqual(['Threshold', 'Discrete', 'OEM']);
  });
  it('severity names the first bit, actions all of them, sensor types by exact value', () => {
    expect(firstFlagName(SEVERITIES, 0x18)).toBe('Critical');
    expect(firstFlagName(SEVERITIES, 0)).toBe('None');
    expect(allFlagNames(PEF_ACTIONS, 0x22)).toBe('Power-off,Diagnostic-interrupt');
    expect(allFlagNames(PEF_ACTIONS, 0)).toBe('None');
    expect([255, 1, 41, 42].map((t) => listName(PEF_SENSOR_TYPES, t))).toEqual([
      'Any',
      'Temperature',
      'Battery',
      'None',
    ]);
  });
});
