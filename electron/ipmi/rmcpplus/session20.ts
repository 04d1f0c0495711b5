// RMCP+ (IPMI v2.0) session establishment and framing: Open Session, RAKP 1-4, then in-session
// packets authenticated and encrypted with the negotiated cipher suite.
import { secureRandom } from './random';
import { IpmiError } from '../errors';
import {
  PRIVILEGE_LEVEL,
  type ConnectOptions,
  type DropReason,
  type Exchanger,
  type Protocol,
  type SessionInfo,
} from '../client/session-types';
import { SequenceWindow } from '../client/sequence-window';
import {
  AUTO_PREFERENCE,
  CIPHER_SUITES,
  authCodeLength,
  describeAlgorithms,
  rakp4IcvLength,
  suiteByAlgorithms,
  type CipherSuite,
} from './cipher-suites';
import { additionalKeys, rakp2Code, rakp3Code, rakp4Icv, sessionIntegrityKey, type RakpInputs } from './keys';
import {
  decodeOpenSessionResponse,
  encodeOpenSessionRequest,
  type OpenSessionResponse,
} from './open-session';
import { PAYLOAD, decodeRmcpPlus, encodeRmcpPlus, type SessionCrypto } from './packet';
import { decodeRakp2, decodeRakp4, encodeRakp1, encodeRakp3, rmcpStatusText } from './rakp';
import { RMCP_CLASS_IPMI, rmcpClass } from '../rmcp/rmcp-header';

/** Open Session statuses meaning "I don't do that algorithm": try the next suite at once. */
const ALGORITHM_REFUSED = new Set([0x03, 0x04, 0x05, 0x10, 0x11]);

/** RAKP 4 statuses that, after a RAKP 2 that proved the password, mean lost handshake state. */
const STALE_STATE = new Set([0x02, 0x08, 0x0f]);

/** A handshake that lost track of the BMC's state, or a login whose session then carried nothing;
 *  login() starts over once, then reports `error`. */
class StaleHandshake extends Error {
  constructor(readonly error: IpmiError) {
    super(error.message);
  }
}

/** The suite that last worked per BMC, so a reconnect costs no failed proposals. */
const suiteCache = new Map<string, number>();

export class RmcpPlusProtocol implements Protocol {
  info: SessionInfo | undefined;
  private crypto: SessionCrypto | undefined;
  private bmcSessionId = 0;
  private consoleSessionId = 0;
  private outSeq = 0;
  private inbound = new SequenceWindow();
  private readonly password: Buffer;

  constructor(
    private readonly o: ConnectOptions,
    private readonly host: string,
    private readonly cacheKey: string,
  ) {
    this.password = Buffer.from(
      typeof o.password === 'string' ? Buffer.from(o.password, 'utf8') : o.password,
    );
    if (this.password.length > 20)
      throw new IpmiError('argument', `${host}: password is longer than 20 bytes, the IPMI 2.0 limit`, {
        host,
      });
    if (Buffer.byteLength(o.username) > 16)
      throw new IpmiError('argument', `${host}: user name is longer than 16 bytes`, { host });
    if (o.kg && o.kg.length > 20)
      throw new IpmiError('argument', `${host}: Kg is longer than 20 bytes`, { host });
  }

  reset(): void {
    this.info = undefined;
    this.crypto = undefined;
    this.bmcSessionId = 0;
    this.outSeq = 0;
    this.inbound.reset();
  }

  private candidates(): CipherSuite[] {
    const wanted = this.o.cipherSuite ?? 'auto';
    if (wanted !== 'auto') {
      const s = CIPHER_SUITES.get(wanted);
      if (!s)
        throw new IpmiError(
          'unsupported-cipher-suite',
          `${this.host}: cipher suite ${wanted} is not supported (RC4 and unknown suites are refused)`,
          {
            host: this.host,
          },
        );
      if (s.id === 0 && !this.o.allowInsecure)
        throw new IpmiError(
          'insecure-refused',
          `${this.host}: cipher suite 0 sends the password-equivalent session unauthenticated; refused unless explicitly allowed`,
          {
            host: this.host,
          },
        );
      return [s];
    }
    const hint = this.o.cipherSuiteHint;
    const cached =
      suiteCache.get(this.cacheKey) ??
      (hint !== undefined && AUTO_PREFERENCE.includes(hint) ? hint : undefined);
    const order =
      cached !== undefined ? [cached, ...AUTO_PREFERENCE.filter((x) => x !== cached)] : AUTO_PREFERENCE;
    return order.map((id) => CIPHER_SUITES.get(id)!);
  }

  async login(x: Exchanger): Promise<void> {
    // Starts over once, with a fresh session, when a handshake lost track of the BMC's state (a RAKP 2
    // that proved the password, then a RAKP 3 the BMC rejected or ignored: a BMC that drew a new random
    // for a repeated RAKP 1, a session the BMC dropped meanwhile) or when the BMC completed the login
    // but answered nothing inside the new session (see silentSession).
    try {
      return await this.handshake(x);
    } catch (e) {
      if (!(e instanceof StaleHandshake)) throw e;
      try {
        return await this.handshake(x);
      } catch (again) {
        if (again instanceof StaleHandshake) throw again.error;
        throw again;
      }
    }
  }

  private async handshake(x: Exchanger): Promise<void> {
    this.reset();
    const host = this.host;
    const privilege = PRIVILEGE_LEVEL[this.o.privilege ?? 'administrator'];
    const username = Buffer.from(this.o.username, 'utf8');
    const candidates = this.candidates();
    let suite: CipherSuite | undefined;
    let bmcSessionId = 0;
    const consoleSessionId = secureRandom(4).readUInt32LE(0) || 1;
    let lastStatus = 0;
    for (const candidate of candidates) {
      const tag = x.messageTag();
      const rs = await x.exchange(
        'RMCP+ Open Session',
        // The real privilege, not 0: some BMCs (OpenIPMI among them) hash with it (FreeIPMI "opensesspriv").
        () =>
          setupPacket(
            PAYLOAD.openSessionRequest,
            encodeOpenSessionRequest({ tag, maxPrivilege: privilege, consoleSessionId, suite: candidate }),
          ),
        (d) => {
          const p = setupPayload(d, PAYLOAD.openSessionResponse);
          const r = p && decodeOpenSessionResponse(p);
          return r && r.tag === tag && (r.consoleSessionId ?? consoleSessionId) === consoleSessionId
            ? r
            : undefined;
        },
        // Each Open Session that reaches the BMC opens a session: OpenIPMI keeps the extra one until its
        // 30 s timeout, and pyghmi, which keys sessions by client address, loses track of the half-made
        // one. So it is never repeated early on the adaptive timer; after the first -N wait a copy goes
        // every -N/2 until the give-up time (the steady schedule), so a lossy link does not fail a login.
        { idempotent: false, steady: true },
      );
      if (rs.status === 0) {
        suite = this.agreedSuite(candidate, rs);
        bmcSessionId = rs.bmcSessionId!;
        break;
      }
      lastStatus = rs.status;
      if (!ALGORITHM_REFUSED.has(rs.status)) throw this.statusError('RMCP+ Open Session', rs.status);
    }
    if (!suite) {
      const list = candidates.map((c) => c.id).join(', ');
      throw new IpmiError(
        'unsupported-cipher-suite',
        `${host}: the BMC accepts none of cipher suites ${list} (${rmcpStatusText(lastStatus)})`,
        {
          host,
          command: 'RMCP+ Open Session',
          rmcpStatus: lastStatus,
        },
      );
    }
    const agreed = suite;

    const role = privilege | (this.o.nameOnlyLookup === false ? 0 : 0x10);
    const consoleRandom = secureRandom(16);
    const rakp1Tag = x.messageTag();
    const rakp2Of = (d: Buffer) => {
      const p = setupPayload(d, PAYLOAD.rakp2);
      const r = p && decodeRakp2(p);
      return r && r.tag === rakp1Tag && (r.consoleSessionId ?? consoleSessionId) === consoleSessionId
        ? r
        : undefined;
    };
    const rakp2 = await x
      .exchange(
        'RAKP 1',
        () =>
          setupPacket(
            PAYLOAD.rakp1,
            encodeRakp1({ tag: rakp1Tag, bmcSessionId, consoleRandom, role, username }),
          ),
        rakp2Of,
      )
      .catch((e: unknown) => {
        // The BMC answered Open Session, so it is there; silence to RAKP 1 is how some BMCs (pyghmi,
        // hence OpenStack VirtualBMC) refuse a name they do not accept.
        if (e instanceof IpmiError && e.kind === 'timeout')
          throw new IpmiError(
            'unknown-user',
            `${host}: unknown or disabled user "${this.o.username}"? The BMC answered RMCP+ Open Session but not RAKP 1 (${e.tries ?? 'several'} tries); some BMCs ignore a RAKP 1 for a name they do not accept`,
            { host, command: 'RAKP 1', ...(e.tries !== undefined && { tries: e.tries }), cause: e },
          );
        throw e;
      });
    if (rakp2.status !== 0) throw this.statusError('RAKP 2', rakp2.status);
    const inputsOf = (r: typeof rakp2): RakpInputs => ({
      consoleSessionId,
      bmcSessionId,
      consoleRandom,
      bmcRandom: r.bmcRandom!,
      bmcGuid: r.bmcGuid!,
      role,
      username,
    });
    const proves = (r: typeof rakp2) =>
      agreed.auth === 'none' ||
      rakp2Code(agreed.auth, this.password, inputsOf(r)).equals(
        r.authCode!.subarray(0, authCodeLength(agreed.auth)),
      );
    const rakp3Tag = x.messageTag();
    if (!proves(rakp2)) {
      // Tell the BMC we rejected it, so it frees the session slot at once.
      x.sendOnce(setupPacket(PAYLOAD.rakp3, encodeRakp3(rakp3Tag, 0x0f, bmcSessionId, Buffer.alloc(0))));
      throw new IpmiError(
        'wrong-password',
        `${host}: wrong password for user "${this.o.username}" (the BMC's RAKP 2 proof does not match, cipher suite ${agreed.id})`,
        {
          host,
          command: 'RAKP 2',
        },
      );
    }
    // Session keys depend only on RAKP 1/2 data, so they exist before RAKP 4 arrives: a BMC that already
    // completed the handshake (our first RAKP 4 was lost) answers a retransmitted RAKP 3 inside the new
    // session, authenticated and encrypted (OpenIPMI lanserv does), and we must recognise that reply.
    const derive = (r: typeof rakp2) => {
      const inputs = inputsOf(r);
      const sik = sessionIntegrityKey(
        agreed.auth,
        this.o.kg && this.o.kg.length ? padKg(this.o.kg) : this.password,
        inputs,
      );
      const { k1, k2 } = additionalKeys(agreed.auth, sik);
      const password20 = Buffer.alloc(20);
      this.password.copy(password20);
      const crypto: SessionCrypto = {
        integrity: agreed.integrity,
        confidentiality: agreed.confidentiality,
        keys: { k1, password20 },
        k2,
      };
      return { inputs, sik, crypto, bmcRandom: r.bmcRandom! };
    };
    let state = derive(rakp2);
    const rakp4 = await x
      .exchange(
        'RAKP 3',
        () =>
          setupPacket(
            PAYLOAD.rakp3,
            encodeRakp3(rakp3Tag, 0, bmcSessionId, rakp3Code(agreed.auth, this.password, state.inputs)),
          ),
        (d) => {
          // A late RAKP 2 answering a repeated RAKP 1 with a new random (pyghmi draws one per RAKP 1):
          // the BMC now holds that random, so the next RAKP 3 must be computed from it.
          const late = rakp2Of(d);
          if (late) {
            if (late.status === 0 && !late.bmcRandom!.equals(state.bmcRandom) && proves(late))
              state = derive(late);
            return undefined;
          }
          const p =
            setupPayload(d, PAYLOAD.rakp4) ??
            inSessionPayload(d, PAYLOAD.rakp4, consoleSessionId, state.crypto);
          const r = p && decodeRakp4(p);
          return r && r.tag === rakp3Tag && (r.consoleSessionId ?? consoleSessionId) === consoleSessionId
            ? r
            : undefined;
        },
      )
      .catch((e: unknown) => {
        if (e instanceof IpmiError && e.kind === 'timeout') throw new StaleHandshake(e);
        throw e;
      });
    if (rakp4.status !== 0) {
      const error =
        rakp4.status === 0x0f
          ? new IpmiError(
              'auth-failed',
              `${host}: the BMC rejected our RAKP 3 for user "${this.o.username}" although its RAKP 2 proved the password (${rmcpStatusText(rakp4.status)}), twice`,
              { host, command: 'RAKP 4', rmcpStatus: rakp4.status },
            )
          : this.statusError('RAKP 4', rakp4.status);
      // Our RAKP 2 check proved the password, so a refused RAKP 3 means the two sides disagree on the
      // handshake's state, not on the password.
      if (STALE_STATE.has(rakp4.status)) throw new StaleHandshake(error);
      throw error;
    }
    if (agreed.auth !== 'none') {
      const icvLen = rakp4IcvLength(agreed.auth);
      if (
        !rakp4Icv(agreed.auth, state.sik, state.inputs)
          .subarray(0, icvLen)
          .equals(rakp4.icv.subarray(0, icvLen))
      )
        throw new IpmiError('auth-failed', `${host}: RAKP 4 integrity check failed (wrong BMC key Kg?)`, {
          host,
          command: 'RAKP 4',
        });
    }
    this.crypto = state.crypto;
    this.bmcSessionId = bmcSessionId;
    this.consoleSessionId = consoleSessionId;
    this.outSeq = 0;
    this.info = {
      interface: 'lanplus',
      cipherSuite: agreed.id,
      privilege: 2,
      bmcSessionId,
      consoleSessionId,
    };
    // RMCP+ sessions start at User level (IPMI v2.0 §13.20 note; OpenIPMI does so too).
    if (privilege > 2) {
      const r = await x
        .request(0x06, 0x3b, Buffer.from([privilege]), 'Set Session Privilege Level')
        .catch((e: unknown) => {
          if (e instanceof IpmiError && e.kind === 'timeout') throw new StaleHandshake(this.silentSession(e));
          throw e;
        });
      if (r.completionCode !== 0)
        throw new IpmiError(
          'privilege',
          `${host}: user "${this.o.username}" cannot have ${this.o.privilege ?? 'administrator'} privilege (completion code 0x${r.completionCode.toString(16)})`,
          {
            host,
            command: 'Set Session Privilege Level',
            completionCode: r.completionCode,
          },
        );
      this.info.privilege = r.data[0]! & 0x0f;
    }
    // Remembered only once the session carried an answer (or the caller's first request will show it):
    // a suite the BMC agrees to but then does not check our packets in must not be the next login's first.
    if (this.o.cipherSuite === undefined || this.o.cipherSuite === 'auto')
      suiteCache.set(this.cacheKey, agreed.id);
  }

  /**
   * The first request inside a session whose login the BMC completed went unanswered. The BMC knows
   * the session (it answered RAKP 3 for it), so it received our packets and discarded them: it does not
   * compute this suite's integrity or encryption keys as we do (ipmi_sim with the HMAC-MD5-128 and
   * MD5-128 + AES suites 7, 8 and 12; ipmitool fails there alike), or the session was lost on the way.
   */
  private silentSession(e: IpmiError): IpmiError {
    const suite = this.info?.cipherSuite;
    const what = e.message.startsWith(`${this.host}: `) ? e.message.slice(this.host.length + 2) : e.message;
    return new IpmiError(
      'timeout',
      `${this.host}: ${what}, right after the BMC completed the RMCP+ login with cipher suite ${suite}, twice: the BMC discards our packets in a session of this suite (it computes its integrity or encryption keys differently); choose another suite (-C)`,
      {
        host: this.host,
        command: e.command ?? 'Set Session Privilege Level',
        ...(e.tries !== undefined && { tries: e.tries }),
        cause: e,
      },
    );
  }

  /** The suite of the algorithms the BMC chose in its Open Session Response, which RAKP and the
   *  session must use; refused when policy forbids them or the caller asked for another suite. */
  private agreedSuite(proposed: CipherSuite, rs: OpenSessionResponse): CipherSuite {
    const host = this.host;
    const { auth = -1, integrity = -1, confidentiality = -1 } = rs;
    const chosen = suiteByAlgorithms(auth, integrity, confidentiality);
    if (chosen?.id === proposed.id) return proposed;
    const init = { host, command: 'RMCP+ Open Session' };
    const what = chosen
      ? `suite ${chosen.id}'s algorithms`
      : `algorithms BMC Desk does not implement (${describeAlgorithms(auth, integrity, confidentiality)})`;
    const explicit = this.o.cipherSuite !== undefined && this.o.cipherSuite !== 'auto';
    if (!chosen || explicit)
      throw new IpmiError(
        'unsupported-cipher-suite',
        `${host}: asked for cipher suite ${proposed.id}, the BMC chose ${what}${chosen ? `; use -C ${chosen.id}` : ''}`,
        init,
      );
    if (chosen.id === 0 && !this.o.allowInsecure)
      throw new IpmiError(
        'insecure-refused',
        `${host}: asked for cipher suite ${proposed.id}, the BMC chose suite 0 (no authentication, integrity or encryption); refused unless explicitly allowed`,
        init,
      );
    if (!AUTO_PREFERENCE.includes(chosen.id) && chosen.id !== 0)
      throw new IpmiError(
        'unsupported-cipher-suite',
        `${host}: asked for cipher suite ${proposed.id}, the BMC chose suite ${chosen.id}'s algorithms, which have no integrity protection and are not chosen automatically; use -C ${chosen.id}`,
        init,
      );
    return chosen;
  }

  wrap(message: Buffer): Buffer {
    this.outSeq = this.outSeq >= 0xffffffff ? 1 : this.outSeq + 1; // sequence 0 is never used in a session
    return encodeRmcpPlus(PAYLOAD.ipmi, this.bmcSessionId, this.outSeq, message, this.crypto);
  }

  unwrap(d: Buffer): Buffer | DropReason | undefined {
    // Claim only datagrams that carry our session ID: an IPMI 1.5 packet or another session's packet on
    // the same socket belongs to someone else.
    if (rmcpClass(d) !== RMCP_CLASS_IPMI || d[4] !== 0x06 || d.length < 10) return 'foreignSession';
    if (!this.crypto || d.readUInt32LE(6) !== this.consoleSessionId) return 'foreignSession';
    const p = decodeRmcpPlus(d, this.crypto);
    if (typeof p === 'string') return p === 'malformed' ? 'malformed' : 'badIntegrity';
    if (p.payloadType !== PAYLOAD.ipmi) return 'malformed';
    if (p.sessionSeq === 0 || !this.inbound.accept(p.sessionSeq)) return 'replayed';
    return p.payload;
  }

  closeRequestData(): Buffer | undefined {
    if (!this.crypto) return undefined;
    const b = Buffer.alloc(4);
    b.writeUInt32LE(this.bmcSessionId >>> 0);
    return b;
  }

  private statusError(command: string, status: number): IpmiError {
    const host = this.host;
    const user = this.o.username;
    const init = { host, command, rmcpStatus: status };
    switch (status) {
      case 0x0d:
        // OpenIPMI answers so for an unknown name and for a disabled user alike, as many BMCs do.
        return new IpmiError(
          'unknown-user',
          `${host}: unknown or disabled user "${user}" (${rmcpStatusText(status)})`,
          init,
        );
      case 0x12:
        // To RAKP 1 the only parameter a BMC can dislike is the name (older OpenIPMI, some AMI firmware).
        if (command === 'RAKP 2')
          return new IpmiError(
            'unknown-user',
            `${host}: unknown or disabled user "${user}" (${rmcpStatusText(status)})`,
            init,
          );
        break;
      case 0x0c:
        return new IpmiError(
          'unknown-user',
          `${host}: user name "${user}" has an invalid length (${rmcpStatusText(status)})`,
          init,
        );
      case 0x09:
      case 0x0a:
      case 0x0b:
        return new IpmiError(
          'privilege',
          `${host}: ${this.o.privilege ?? 'administrator'} privilege not available to user "${user}" (${rmcpStatusText(status)})`,
          init,
        );
      case 0x0f:
        return new IpmiError(
          'wrong-password',
          `${host}: the BMC rejected our proof of the password for user "${user}" (${rmcpStatusText(status)})`,
          init,
        );
      case 0x01:
        return new IpmiError(
          'auth-failed',
          `${host}: the BMC has no free session slot (${rmcpStatusText(status)})`,
          init,
        );
    }
    return new IpmiError(
      'rmcp-status',
      `${host}: ${command} refused: ${rmcpStatusText(status)} (RMCP+ status 0x${status.toString(16).padStart(2, '0')})`,
      init,
    );
  }
}

function setupPacket(type: number, payload: Buffer): Buffer {
  return encodeRmcpPlus(type, 0, 0, payload);
}

/** A setup payload the BMC sent inside the session (verified and decrypted with the session keys). */
function inSessionPayload(
  d: Buffer,
  type: number,
  consoleSessionId: number,
  crypto: SessionCrypto,
): Buffer | undefined {
  const p = decodeRmcpPlus(d, crypto);
  if (typeof p === 'string' || p.payloadType !== type || p.sessionId !== consoleSessionId) return undefined;
  return p.payload;
}

function setupPayload(d: Buffer, type: number): Buffer | undefined {
  const p = decodeRmcpPlus(d);
  if (typeof p === 'string' || p.payloadType !== type || p.sessionId !== 0) return undefined;
  return p.payload;
}

function padKg(kg: Uint8Array): Buffer {
  const b = Buffer.alloc(20);
  b.set(kg);
  return b;
}
