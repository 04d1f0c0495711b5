// Formatter branches the lab BMC cannot show (ipmi_sim refuses in-session Get Channel Auth Capabilities,
// has no ARP or bad-password parameters, no OEM cipher records). Expected texts follow ipmitool 1.8.19's
// printf formats (lib/ipmi_channel.c ipmi_get_channel_auth_cap, ipmi_print_channel_cipher_suites;
// lib/ipmi_lanp.c ipmi_lan_print); the VLAN line was also seen from ipmitool after `lan set 1 vlan id 5`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../../ipmi/errors';
import { FakeRequester } from '../../ipmi/commands/fake-requester';
import { readLanConfiguration } from '../../ipmi/commands/transport/lan-configuration';
import { parseIpmitoolUint } from '../ipmitool-number';
import { decodeChannelAuthCapabilities } from '../../ipmi/commands/app/get-channel-auth-capabilities';
import { formatAuthCapabilities, formatCipherSuites } from './channel';
import { formatLanPrint } from './lan';
import { lanConfigurationView } from '../../views/lan';
import { formatSolInfo } from './sol';
import { solConfigurationView } from '../../views/sol';
import { cipherSuiteView } from '../../views/channel';

describe('channel authcap', () => {
  it('LAB reply of notes §11.11 (01 97 06 03 00 00 00 00)', () => {
    const caps = decodeChannelAuthCapabilities(Uint8Array.of(0x01, 0x97, 0x06, 0x03, 0, 0, 0, 0));
    expect(formatAuthCapabilities(caps)).toBe(
      'Channel number             : 1\n' +
        'IPMI v1.5  auth types      : NONE MD2 MD5 PASSWORD \n' +
        'KG status                  : default (all zeroes)\n' +
        'Per message authentication : enabled\n' +
        'User level authentication  : enabled\n' +
        'Non-null user names exist  : yes\n' +
        'Null user names exist      : yes\n' +
        'Anonymous login enabled    : no\n' +
        'Channel supports IPMI v1.5 : yes\n' +
        'Channel supports IPMI v2.0 : yes\n',
    );
  });
  it('IPMI 1.5 answer with OEM auth: no v2 lines, OEM IANA and aux', () => {
    // 02 channel | 34: MD5, straight, OEM | 39: anon, per-msg off, user-level off, Kg | 00 | a2 02 00 IANA | 07
    const caps = decodeChannelAuthCapabilities(Uint8Array.of(0x02, 0x34, 0x39, 0x00, 0xa2, 0x02, 0x00, 0x07));
    expect(formatAuthCapabilities(caps)).toBe(
      'Channel number             : 2\n' +
        'IPMI v1.5  auth types      : MD5 PASSWORD OEM \n' +
        'Per message authentication : disabled\n' +
        'User level authentication  : disabled\n' +
        'Non-null user names exist  : no\n' +
        'Null user names exist      : no\n' +
        'Anonymous login enabled    : yes\n' +
        'IANA Number for OEM        : 674\n' +
        'OEM Auxiliary Data         : 0x7\n',
    );
  });
});

describe('channel getciphers', () => {
  it('OEM record shows its IANA in hex, missing algorithms as none', () => {
    expect(
      formatCipherSuites([
        cipherSuiteView({ id: 48, iana: 0x2a2, auth: 3, integrity: [4], confidentiality: [] }),
      ]),
    ).toBe(
      'ID   IANA    Auth Alg        Integrity Alg   Confidentiality Alg\n' +
        '48   0002a2  hmac_sha256     sha256_128      none           \n',
    );
  });
});

describe('lan print', () => {
  it('ARP, gratuitous interval (integer division, as ipmitool), VLAN on, bad password threshold', () => {
    const text = formatLanPrint(
      lanConfigurationView(1, {
        bmcArpControl: Buffer.from([0x03]),
        gratuitousArpInterval: Buffer.from([0x04]), // (4 + 1) / 2 = 2 in C integer arithmetic
        vlanId: Buffer.from([0x05, 0x80]),
        vlanPriority: Buffer.from([0x03]),
        badPasswordThreshold: Buffer.from([0x01, 0x03, 0x06, 0x00, 0x0c, 0x00]),
      }),
    );
    expect(text).toBe(
      'BMC ARP Control         : ARP Responses Enabled, Gratuitous ARP Enabled\n' +
        'Gratituous ARP Intrvl   : 2.0 seconds\n' +
        '802.1q VLAN ID          : 5\n' +
        '802.1q VLAN Priority    : 3\n' +
        'Cipher Suite Priv Max   : Not Available\n' +
        'Bad Password Threshold  : 3\n' +
        'Invalid password disable: yes\n' +
        'Attempt Count Reset Int.: 60\n' +
        'User Lockout Interval   : 120\n',
    );
  });
  it('cipher suite count without a usable list prints None', () => {
    expect(formatLanPrint(lanConfigurationView(1, { cipherSuiteEntrySupport: Buffer.from([3]) }))).toContain(
      'RMCP+ Cipher Suites     : None\n',
    );
  });
});

describe('sol info', () => {
  it('every parameter present', () => {
    const text = formatSolInfo(
      solConfigurationView(1, {
        unsupported: [],
        setInProgress: 0,
        enabled: true,
        forceEncryption: true,
        forceAuthentication: true,
        privilegeLevel: 4,
        characterAccumulateIntervalMs: 60,
        characterSendThreshold: 96,
        retryCount: 7,
        retryIntervalMs: 500,
        volatileBitRate: 10,
        nonVolatileBitRate: 7,
        payloadChannel: 1,
        payloadPort: 623,
      }),
      1,
      9999,
    );
    expect(text).toBe(`Set in progress                 : set-complete
Enabled                         : true
Force Encryption                : true
Force Authentication            : true
Privilege Level                 : ADMINISTRATOR
Character Accumulate Level (ms) : 60
Character Send Threshold        : 96
Retry Count                     : 7
Retry Interval (ms)             : 500
Volatile Bit Rate (kbps)        : 115.2
Non-Volatile Bit Rate (kbps)    : 19.2
Payload Channel                 : 1 (0x01)
Payload Port                    : 623
`);
  });
});

describe('formatting whatever a BMC may send', () => {
  it('lan print: any reply readLanConfiguration accepts formats without throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 20 }), fc.constant(undefined)), {
          minLength: 21,
          maxLength: 21,
        }),
        async (replies) => {
          const fake = new FakeRequester((_r, i) => {
            const d = replies[i];
            return d ? { data: Array.from(d) } : { cc: 0x80 };
          });
          let cfg;
          try {
            cfg = await readLanConfiguration(fake, 1);
          } catch (e) {
            expect(e).toBeInstanceOf(IpmiError);
            return;
          }
          expect(typeof formatLanPrint(lanConfigurationView(1, cfg))).toBe('string');
        },
      ),
    );
  });
});

describe('ipmitool numbers (strtoul base 0)', () => {
  it.each([
    ['10', 10],
    ['0x1f', 31],
    ['010', 8],
    ['0', 0],
    [' 7', 7],
    ['+3', 3],
    ['08', undefined],
    ['0x', undefined],
    ['1e3', undefined],
    ['-1', undefined],
    ['256', undefined],
  ])('%j -> %s', (text, want) => expect(parseIpmitoolUint(text, 255)).toBe(want));
});
