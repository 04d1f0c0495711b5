// RMCP+ login against a scripted BMC: the algorithms named in the Open Session Response are the ones
// RAKP and the session use, explicit suites are refused when the BMC chose others, policy (no suite 0,
// no RC4, no integrity-less suite chosen automatically) holds, and a user rejected by name never reads
// as a wrong password. The scripted BMC computes RAKP 2 and RAKP 4 with the algorithms it chose.
import { describe, expect, it } from 'vitest';
import { IpmiError } from '../errors';
import type { Exchanger } from '../client/protocol';
import type { ConnectOptions } from '../client/connect';
import {
  AUTH_ALG_CODE,
  CIPHER_SUITES,
  CONF_ALG_CODE,
  INTEGRITY_ALG_CODE,
  rakp4IcvLength,
  suiteByAlgorithms,
} from './cipher-suites';
import { rakp2Code, rakp3Code, rakp4Icv, sessionIntegrityKey, type RakpInputs } from './keys';
import { PAYLOAD, decodeRmcpPlus, encodeRmcpPlus } from './packet';
import { RmcpPlusProtocol } from './session20';

type Triple = [auth: number, integrity: number, confidentiality: number];
const tripleOf = (id: number): Triple => {
  const s = CIPHER_SUITES.get(id)!;
  return [AUTH_ALG_CODE[s.auth], INTEGRITY_ALG_CODE[s.integrity], CONF_ALG_CODE[s.confidentiality]];
};

interface BmcScript {
  /** the algorithms answered to a proposal (pyghmi: always suite 3's), or an RMCP+ status */
  choose(proposed: Triple): Triple | number;
  password?: string;
  /** RAKP 2 status for every RAKP 1 (0x0d unauthorized name…) */
  rakp2Status?: number;
  /** no answer at all to RAKP 1 (pyghmi for an unknown user) */
  silentRakp1?: boolean;
  /** RAKP 4 status per handshake round */
  rakp4Status?: number[];
  /** a new random for every RAKP 1 (pyghmi), the answer to a repeated RAKP 1 arriving during RAKP 3 */
  lateRakp2?: boolean;
}

class ScriptedBmc {
  openSessions = 0;
  rakp3Codes: Buffer[] = [];
  private round = -1;
  private s:
    | {
        consoleSid: number;
        bmcSid: number;
        triple: Triple;
        rm?: Buffer;
        rc?: Buffer;
        role?: number;
        user?: Buffer;
      }
    | undefined;
  private readonly guid = Buffer.alloc(16, 0x5a);
  private stale: Buffer[] = [];
  constructor(private readonly script: BmcScript) {}

  private auth() {
    return suiteByAlgorithms(...this.s!.triple)!.auth;
  }
  private inputs(): RakpInputs {
    const s = this.s!;
    return {
      consoleSessionId: s.consoleSid,
      bmcSessionId: s.bmcSid,
      consoleRandom: s.rm!,
      bmcRandom: s.rc!,
      bmcGuid: this.guid,
      role: s.role!,
      username: s.user!,
    };
  }
  private rakp2(tag: number): Buffer {
    const s = this.s!;
    s.rc = Buffer.alloc(16, this.openSessions * 16 + this.rakp3Codes.length + (this.stale.length + 1));
    const p = Buffer.alloc(40);
    p[0] = tag;
    p.writeUInt32LE(s.consoleSid, 4);
    s.rc.copy(p, 8);
    this.guid.copy(p, 24);
    const code = rakp2Code(this.auth(), Buffer.from(this.script.password ?? 'secret'), this.inputs());
    return encodeRmcpPlus(PAYLOAD.rakp2, 0, 0, Buffer.concat([p, code]));
  }

  handle(d: Buffer): Buffer[] {
    const p = decodeRmcpPlus(d);
    if (typeof p === 'string') return [];
    const b = p.payload;
    if (p.payloadType === PAYLOAD.openSessionRequest) {
      this.openSessions++;
      this.round++;
      const proposed: Triple = [b[12]!, b[20]!, b[28]!];
      const c = this.script.choose(proposed);
      const r = Buffer.alloc(36);
      r[0] = b[0]!;
      if (typeof c === 'number') {
        r[1] = c;
        r.writeUInt32LE(b.readUInt32LE(4), 4);
        return [encodeRmcpPlus(PAYLOAD.openSessionResponse, 0, 0, r.subarray(0, 8))];
      }
      const consoleSid = b.readUInt32LE(4);
      this.s = { consoleSid, bmcSid: 0x1000 + this.round, triple: c };
      r[2] = b[1]!;
      r.writeUInt32LE(consoleSid, 4);
      r.writeUInt32LE(this.s.bmcSid, 8);
      Buffer.from([0, 0, 0, 8, c[0], 0, 0, 0, 1, 0, 0, 8, c[1], 0, 0, 0, 2, 0, 0, 8, c[2], 0, 0, 0]).copy(
        r,
        12,
      );
      return [encodeRmcpPlus(PAYLOAD.openSessionResponse, 0, 0, r)];
    }
    if (p.payloadType === PAYLOAD.rakp1) {
      if (this.script.silentRakp1) return [];
      const s = this.s!;
      if (this.script.rakp2Status) {
        const e = Buffer.alloc(8);
        e[0] = b[0]!;
        e[1] = this.script.rakp2Status;
        e.writeUInt32LE(s.consoleSid, 4);
        return [encodeRmcpPlus(PAYLOAD.rakp2, 0, 0, e)];
      }
      s.rm = Buffer.from(b.subarray(8, 24));
      s.role = b[24]!;
      s.user = Buffer.from(b.subarray(28, 28 + b[27]!));
      const first = this.rakp2(b[0]!);
      if (this.script.lateRakp2) {
        // Our RAKP 1 reached the BMC twice (a retransmission that crossed the first answer): it drew a
        // new random for the repeat, and that answer arrives only while we are at RAKP 3.
        this.stale.push(this.rakp2(b[0]!));
      }
      return [first];
    }
    if (p.payloadType === PAYLOAD.rakp3) {
      if (this.stale.length) return this.stale.splice(0); // pyghmi ignores a RAKP 3 for the old random
      const s = this.s!;
      this.rakp3Codes.push(Buffer.from(b.subarray(8)));
      const ok = rakp3Code(this.auth(), Buffer.from(this.script.password ?? 'secret'), this.inputs()).equals(
        b.subarray(8),
      );
      const r = Buffer.alloc(8);
      r[0] = b[0]!;
      r[1] = this.script.rakp4Status?.[this.round] ?? (ok ? 0 : 0x0f);
      r.writeUInt32LE(s.consoleSid, 4);
      const auth = this.auth();
      const sik = sessionIntegrityKey(auth, Buffer.from(this.script.password ?? 'secret'), this.inputs());
      const icv = rakp4Icv(auth, sik, this.inputs()).subarray(0, rakp4IcvLength(auth));
      return [encodeRmcpPlus(PAYLOAD.rakp4, 0, 0, Buffer.concat([r, icv]))];
    }
    return [];
  }
}

/** An exchanger that delivers each request to the scripted BMC, two tries per exchange. */
function exchanger(bmc: ScriptedBmc): Exchanger {
  let tag = 0;
  return {
    async exchange(name, build, match) {
      for (let t = 0; t < 2; t++) {
        for (const reply of bmc.handle(build())) {
          const v = match(reply);
          if (v !== undefined) return v;
        }
      }
      throw new IpmiError('timeout', `bmc.test: no response to ${name} after 2 tries in 0.1 s`, {
        host: 'bmc.test',
        command: name,
        tries: 2,
      });
    },
    async request(_netFn, _cmd, data) {
      return { completionCode: 0, data: Buffer.from([data[0]!]) };
    },
    sendOnce: () => undefined,
    messageTag: () => (tag = (tag + 1) & 0xff),
  };
}

const options = (o: Partial<ConnectOptions> = {}): ConnectOptions => ({
  host: 'bmc.test',
  username: 'admin',
  password: 'secret',
  ...o,
});

async function login(script: BmcScript, o: Partial<ConnectOptions> = {}) {
  const bmc = new ScriptedBmc(script);
  const p = new RmcpPlusProtocol(options(o), 'bmc.test', `bmc.test|${Math.random()}`);
  const result = await p.login(exchanger(bmc)).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { bmc, p, error: result as IpmiError | undefined };
}

const pyghmi = () => tripleOf(3); // pyghmi's server answers every proposal with suite 3's algorithms

describe('cipher suite negotiation', () => {
  it("auto: the BMC answers 17 with suite 3's algorithms; RAKP and the session use HMAC-SHA1 / AES", async () => {
    const { bmc, p, error } = await login({ choose: pyghmi });
    expect(error).toBeUndefined();
    expect(p.info?.cipherSuite).toBe(3);
    expect(bmc.openSessions).toBe(1);
    expect(bmc.rakp3Codes[0]!.length).toBe(20); // HMAC-SHA1, not the 32 bytes of HMAC-SHA256
  });

  it('auto: the BMC agreeing to what we proposed is suite 17', async () => {
    const { p, error } = await login({ choose: (t) => t });
    expect(error).toBeUndefined();
    expect(p.info?.cipherSuite).toBe(17);
  });

  it('auto: a refused proposal moves on to the next suite (one Open Session each)', async () => {
    const { bmc, p } = await login({ choose: (t) => (t[0] === 3 ? 0x11 : t) });
    expect(p.info?.cipherSuite).toBe(3);
    expect(bmc.openSessions).toBe(2);
  });

  it("explicit -C 17 when the BMC chose suite 3's algorithms: refused, naming the suite to use", async () => {
    const { error } = await login({ choose: pyghmi }, { cipherSuite: 17 });
    expect(error).toBeInstanceOf(IpmiError);
    expect(error).toMatchObject({ kind: 'unsupported-cipher-suite', host: 'bmc.test' });
    expect(error!.message).toBe(
      "bmc.test: asked for cipher suite 17, the BMC chose suite 3's algorithms; use -C 3",
    );
  });

  it('explicit -C 3 on that BMC logs in', async () => {
    const { p, error } = await login({ choose: pyghmi }, { cipherSuite: 3 });
    expect(error).toBeUndefined();
    expect(p.info?.cipherSuite).toBe(3);
  });

  it('RC4 chosen by the BMC is refused, algorithms named', async () => {
    const { error } = await login({ choose: () => [1, 1, 2] });
    expect(error).toMatchObject({ kind: 'unsupported-cipher-suite' });
    expect(error!.message).toContain('authentication 1, integrity 1, confidentiality 2 (xRC4-128)');
  });

  it('suite 0 chosen by the BMC is refused unless insecure suites are allowed', async () => {
    expect((await login({ choose: () => [0, 0, 0] })).error).toMatchObject({ kind: 'insecure-refused' });
    const allowed = await login({ choose: () => [0, 0, 0] }, { allowInsecure: true });
    expect(allowed.error).toBeUndefined();
    expect(allowed.p.info?.cipherSuite).toBe(0);
  });

  it('a suite without integrity chosen by the BMC is not accepted automatically', async () => {
    const { error } = await login({ choose: () => tripleOf(1) });
    expect(error).toMatchObject({ kind: 'unsupported-cipher-suite' });
    expect(error!.message).toContain('use -C 1');
  });
});

describe('who is to blame', () => {
  it('a wrong password is reported only when the proof fails with the agreed algorithms', async () => {
    const { error } = await login({ choose: pyghmi, password: 'other' });
    expect(error).toMatchObject({ kind: 'wrong-password', command: 'RAKP 2' });
  });

  it.each([0x0d, 0x12])('RAKP 2 status %i: unknown or disabled user', async (status) => {
    const { error } = await login({ choose: pyghmi, rakp2Status: status });
    expect(error).toMatchObject({ kind: 'unknown-user', rmcpStatus: status });
    expect(error!.message).toContain('unknown or disabled user "admin"');
  });

  it('silence to RAKP 1 after an answered Open Session: unknown or disabled user (pyghmi)', async () => {
    const { error } = await login({ choose: pyghmi, silentRakp1: true });
    expect(error).toMatchObject({ kind: 'unknown-user', command: 'RAKP 1', tries: 2 });
    expect(error!.message).toContain('unknown or disabled user "admin"?');
  });

  it('RAKP 3 refused after a RAKP 2 that proved the password: one fresh handshake, and it succeeds', async () => {
    const { bmc, p, error } = await login({ choose: pyghmi, rakp4Status: [0x0f, 0] });
    expect(error).toBeUndefined();
    expect(bmc.openSessions).toBe(2);
    expect(p.info?.bmcSessionId).toBe(0x1001);
  });

  it('RAKP 3 refused twice: auth-failed, never wrong-password', async () => {
    const { bmc, error } = await login({ choose: pyghmi, rakp4Status: [0x0f, 0x0f] });
    expect(bmc.openSessions).toBe(2);
    expect(error).toMatchObject({ kind: 'auth-failed', command: 'RAKP 4', rmcpStatus: 0x0f });
  });

  it('a late RAKP 2 with a new random: the next RAKP 3 is computed from it', async () => {
    const { bmc, error } = await login({ choose: pyghmi, lateRakp2: true });
    expect(error).toBeUndefined();
    expect(bmc.openSessions).toBe(1);
    expect(bmc.rakp3Codes).toHaveLength(1); // the first RAKP 3 met the late RAKP 2; the second verified
  });
});
