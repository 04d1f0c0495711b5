// Many logins at once to one ipmi_sim over one socket, as the parity tests run `bmcdesk` in-process,
// and what a login does when the BMC completes it but then discards everything in the new session.
//
// The flake this pins down: a refused Open Session is two bytes, tag and status. With random tags,
// session B's suite-3 proposal could carry the tag of session A's suite-17 proposal; A's refusal then
// reached B first (one socket, listeners in turn), B took suite 3 as refused, went on to 16 and 8, and
// ipmi_sim, which checks HMAC-MD5-128 differently, dropped B's Set Session Privilege Level six times:
// "no response to Set Session Privilege Level after 6 tries in 7.0 s" while ipmitool worked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from './connect';
import { UdpEndpoint } from '../transport/udp-endpoint';
import { LAB_USERS, startLabBmc, type LabBmc } from '../../../e2e/lab/bmc-lab';
import { startImpairmentProxy, type ImpairmentOptions } from '../../../e2e/lab/impairment-proxy';
import { IpmiError } from '../errors';

const OPEN_SESSION = 0x10;
const OPEN_SESSION_RESPONSE = 0x11;
const IPMI = 0x00;
/** RMCP+ payload type and the payload of a setup datagram (16-byte header), or undefined. */
const payloadType = (d: Buffer) => (d.length > 16 && d[4] === 0x06 ? d[5]! & 0x3f : undefined);
const payload = (d: Buffer) => d.subarray(16);
/** The suite an Open Session request proposes: its authentication, integrity, confidentiality codes. */
const proposal = (d: Buffer) => {
  const p = payload(d);
  return `${p[12]}/${p[20]}/${p[28]}`;
};
/** The remote console session ID an Open Session request carries: one per login attempt, kept by its
 * retransmissions (which a loaded machine may add on the steady Open Session schedule). */
const consoleSession = (d: Buffer) => payload(d).readUInt32LE(4);
const SUITE_17 = '3/4/1';
const SUITE_3 = '1/1/1';

let lab: LabBmc;
beforeAll(async () => {
  lab = await startLabBmc({ satellite: false });
});
afterAll(() => lab?.stop());

async function withProxy<T>(o: Partial<ImpairmentOptions>, f: (port: number) => Promise<T>): Promise<T> {
  const proxy = await startImpairmentProxy(
    { host: '127.0.0.1', port: lab.port },
    { drop: 0, reorder: 0, ...o },
  );
  try {
    return await f(proxy.port);
  } finally {
    proxy.close();
  }
}

describe('concurrent logins to one ipmi_sim', () => {
  it('40 logins at once on one socket, every two-byte refusal of 17 delivered twice: each login takes only its own and agrees on suite 3', async () => {
    const proposals: string[] = [];
    const suite3Logins = new Set<number>();
    const endpoint = new UdpEndpoint();
    try {
      const results = await withProxy(
        {
          dropToBmc: (d) => {
            if (payloadType(d) === OPEN_SESSION) {
              proposals.push(proposal(d));
              if (proposal(d) === SUITE_3) suite3Logins.add(consoleSession(d));
            }
            return false;
          },
          // The suite-3 answers come 150 ms late and every refusal comes again 50 ms after the first:
          // every login's pending suite-3 proposal sees all 40 refusals go by. With random tags one in
          // 256 matches each; 40 logins then miss all of them one time in about 300.
          delayFromBmc: (d) =>
            payloadType(d) === OPEN_SESSION_RESPONSE && payload(d)[1] === 0 ? 150 : undefined,
          duplicateFromBmc: (d) =>
            payloadType(d) === OPEN_SESSION_RESPONSE && payload(d)[1] !== 0 ? 50 : undefined,
        },
        (port) =>
          Promise.all(
            Array.from({ length: 40 }, async () => {
              const s = await connect({
                host: '127.0.0.1',
                port,
                username: LAB_USERS.operator.name,
                password: LAB_USERS.operator.password,
                // User privilege, as the fleet logs in: the first in-session request is the caller's
                privilege: 'user',
                cipherSuite: 'auto',
                keepaliveMs: 0,
                retries: 1,
                endpoint,
              });
              try {
                const deviceId = await s.request({ netFn: 0x06, cmd: 0x01 });
                return { suite: s.info?.cipherSuite, deviceIdBytes: deviceId.length };
              } finally {
                await s.close({ wait: false });
              }
            }),
          ),
      );
      expect(results).toEqual(Array.from({ length: 40 }, () => ({ suite: 3, deviceIdBytes: 15 })));
      // Nobody was talked out of suite 3 by another login's refusal (they would have gone on to 16, 8).
      expect(proposals.filter((p) => p !== SUITE_17 && p !== SUITE_3)).toEqual([]);
      // Each login proposed suite 3 once (repeats of one proposal carry its console session ID).
      expect(suite3Logins.size).toBe(40);
    } finally {
      endpoint.close();
    }
  });

  it('a login the BMC completes but whose session then carries nothing starts over once with a fresh session', async () => {
    let firstSession: number | undefined;
    let openSessions = 0;
    const endpoint = new UdpEndpoint();
    try {
      const r = await withProxy(
        {
          delayMs: 1,
          // The first session the BMC opens loses every in-session datagram on the way to the BMC.
          delayFromBmc: (d) => {
            if (payloadType(d) === OPEN_SESSION_RESPONSE && payload(d)[1] === 0)
              firstSession ??= payload(d).readUInt32LE(8);
            return undefined;
          },
          dropToBmc: (d) => {
            if (payloadType(d) === OPEN_SESSION) openSessions++;
            return d[4] === 0x06 && (d[5]! & 0x3f) === IPMI && d.readUInt32LE(6) === firstSession;
          },
        },
        async (port) => {
          const s = await connect({
            host: '127.0.0.1',
            port,
            username: LAB_USERS.admin.name,
            password: LAB_USERS.admin.password,
            cipherSuite: 3,
            keepaliveMs: 0,
            timeoutMs: 200,
            retries: 1,
            endpoint,
          });
          try {
            const deviceId = await s.request({ netFn: 0x06, cmd: 0x01 });
            return { privilege: s.info?.privilege, bmcSessionId: s.info?.bmcSessionId, deviceId };
          } finally {
            await s.close({ wait: false });
          }
        },
      );
      expect(openSessions).toBe(2);
      expect(r.privilege).toBe(4);
      expect(r.bmcSessionId).not.toBe(firstSession);
      expect(r.deviceId.length).toBe(15);
    } finally {
      endpoint.close();
    }
  });

  it('ipmi_sim discards our packets in a suite-8 session (as it does ipmitool -C 8): after one fresh login the error names the suite and the reason', async () => {
    let openSessions = 0;
    const endpoint = new UdpEndpoint();
    try {
      const error = await withProxy(
        {
          dropToBmc: (d) => {
            if (payloadType(d) === OPEN_SESSION) openSessions++;
            return false;
          },
        },
        (port) =>
          connect({
            host: '127.0.0.1',
            port,
            username: LAB_USERS.admin.name,
            password: LAB_USERS.admin.password,
            cipherSuite: 8,
            keepaliveMs: 0,
            timeoutMs: 200,
            retries: 1,
            endpoint,
          }).then(
            () => undefined,
            (e: unknown) => e,
          ),
      );
      expect(error).toBeInstanceOf(IpmiError);
      expect((error as IpmiError).kind).toBe('timeout');
      expect((error as IpmiError).message).toMatch(
        /^127\.0\.0\.1: no response to Set Session Privilege Level after \d+ tries in \d+\.\d s, right after the BMC completed the RMCP\+ login with cipher suite 8, twice: the BMC discards our packets in a session of this suite/,
      );
      expect(openSessions).toBe(2);
    } finally {
      endpoint.close();
    }
  });
});
