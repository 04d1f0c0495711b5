// Known answers for the LAN view: the lab BMC's captured replies (lab-replies.ts) decoded field by field,
// and the layouts that count only at their exact size.
import { describe, expect, it } from 'vitest';
import { FakeRequester } from '../ipmi/commands/fake-requester';
import { labLanAnswer } from '../ipmi/commands/transport/lab-replies';
import { lanConfiguration } from '../../shared/domain/lan';
import { lanConfigurationView, readLanView } from './lan';

const channelInfoLan = [0x01, 0x04, 0x01, 0x81, 0xf2, 0x1b, 0x00, 0x00, 0x00];
const lab = () =>
  new FakeRequester((req) => (req.cmd === 0x42 ? { data: channelInfoLan } : labLanAnswer(req)));

describe('LAN view', () => {
  it('decodes every parameter the lab BMC has', async () => {
    const v = await readLanView(lab(), { channel: 1 });
    expect(lanConfiguration.parse(v)).toEqual(v);
    expect(v).toEqual({
      channel: 1,
      setInProgress: 'complete',
      authTypeSupport: ['none', 'md2', 'md5', 'password'],
      authTypeEnables: {
        callback: ['none', 'md2', 'md5', 'password'],
        user: ['none', 'md2', 'md5', 'password'],
        operator: ['none', 'md2', 'md5', 'password'],
        administrator: ['none', 'md2', 'md5', 'password'],
        oem: [],
      },
      ipAddressSource: 'static',
      ipAddress: '192.0.2.10',
      subnetMask: '255.255.255.0',
      macAddress: '02:00:00:00:00:01',
      snmpCommunity: 'public',
      ipHeader: { ttl: 0, flags: 0, precedence: 0, tos: 0 },
      defaultGateway: '192.0.2.1',
      defaultGatewayMac: '02:00:00:00:00:fe',
      backupGateway: '0.0.0.0',
      backupGatewayMac: '00:00:00:00:00:00',
      vlan: { enabled: false, id: 0 },
      vlanPriority: 0,
      cipherSuiteCount: 15,
      // ipmi_sim 2.0.33 leaves out the reserved byte, so its suite 0 sits in the reserved place and the
      // list reads 1..15 (ipmitool shows the same; Get Channel Cipher Suites is the true list)
      cipherSuiteIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15],
      cipherSuitePrivileges: Array<string>(16).fill('administrator'),
      unsupported: ['bmcArpControl', 'gratuitousArpInterval', 'badPasswordThreshold'],
    });
  });

  it('ARP, interval in 0.5 s steps, VLAN, bad password threshold in seconds', () => {
    const v = lanConfigurationView(2, {
      bmcArpControl: Buffer.from([0x02]),
      gratuitousArpInterval: Buffer.from([0x02]),
      vlanId: Buffer.from([0x05, 0x81]),
      vlanPriority: Buffer.from([0x0b]),
      ipHeader: Buffer.from([0x40, 0x5f, 0xff]),
      badPasswordThreshold: Buffer.from([0x01, 0x03, 0x06, 0x00, 0x0c, 0x00]),
      cipherSuitePrivileges: Buffer.from([0x00, 0x43, 0x21, 0x05, 0xf6, 0, 0, 0, 0]),
    });
    expect(v.arp).toEqual({ respond: true, generateGratuitous: false });
    expect(v.gratuitousArpIntervalSeconds).toBe(1.5);
    expect(v.vlan).toEqual({ enabled: true, id: 0x105 });
    expect(v.vlanPriority).toBe(3);
    expect(v.ipHeader).toEqual({ ttl: 0x40, flags: 0x40, precedence: 0xe0, tos: 0x1e });
    expect(v.badPasswordThreshold).toEqual({
      threshold: 3,
      generateEvent: true,
      resetIntervalSeconds: 60,
      lockoutIntervalSeconds: 120,
    });
    // low nibble first; 6..15 are reserved and read as unused
    expect(v.cipherSuitePrivileges!.slice(0, 8)).toEqual([
      'operator',
      'administrator',
      'callback',
      'user',
      'oem',
      'unused',
      'unused',
      'unused',
    ]);
  });

  it('a count without a usable list is null; wrong-size variable layouts are unsupported', () => {
    const v = lanConfigurationView(1, {
      cipherSuiteEntrySupport: Buffer.from([3]),
      cipherSuitePrivileges: Buffer.from([0, 0x44]),
      badPasswordThreshold: Buffer.from([1, 2, 3]),
    });
    expect(v.cipherSuiteIds).toBeNull();
    expect(v.cipherSuitePrivileges).toBeUndefined();
    expect(v.badPasswordThreshold).toBeUndefined();
    expect(v.unsupported).toEqual(expect.arrayContaining(['cipherSuiteEntries', 'cipherSuitePrivileges']));
  });

  it('asks every parameter before the first answer arrives (pipelined)', async () => {
    let answered = 0;
    let inFlightMax = 0;
    let inFlight = 0;
    const fake = new FakeRequester(labLanAnswer);
    const slow = {
      host: fake.host,
      request: fake.request.bind(fake),
      raw: async (req: Parameters<FakeRequester['raw']>[0]) => {
        inFlight++;
        inFlightMax = Math.max(inFlightMax, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        answered++;
        return fake.raw(req);
      },
    };
    const { readLanConfiguration } = await import('../ipmi/commands/transport/lan-configuration');
    await readLanConfiguration(slow, 1);
    expect(answered).toBe(21);
    expect(inFlightMax).toBe(21);
  });

  it('a channel that is not LAN is an argument error naming the channel', async () => {
    const serial = new FakeRequester((req) =>
      req.cmd === 0x42 ? { data: [0x02, 0x05, 0x05, 0x00, 0xf2, 0x1b, 0, 0, 0] } : labLanAnswer(req),
    );
    await expect(readLanView(serial, { channel: 2 })).rejects.toMatchObject({
      kind: 'argument',
      message: expect.stringContaining('channel 2'),
    });
  });
});
