// IPMI v1.5 session (IPMI v2.0 §22.13-22.17): Get Channel Authentication Capabilities, Get Session
// Challenge, Activate Session, then per-message authentication with the negotiated auth type.
import { randomBytes } from 'node:crypto';
import { IpmiError } from '../errors';
import {
  PRIVILEGE_LEVEL,
  type AuthTypeName,
  type ConnectOptions,
  type DropReason,
  type Exchanger,
  type Protocol,
  type SessionInfo,
} from '../client/session-types';
import { SequenceWindow } from '../client/sequence-window';
import { decodeResponse, encodeRequest } from '../message/ipmi-message';
import { completionCodeText } from '../message/completion-codes';
import { RMCP_CLASS_IPMI, rmcpClass } from '../rmcp/rmcp-header';
import { authCode, pad16, type AuthTypeCode } from './auth-code';
import { decodeSession15, encodeSession15 } from './packet';

const CODE: Record<AuthTypeName, AuthTypeCode> = { none: 0, md2: 1, md5: 2, password: 4 };
const NAME: Record<number, AuthTypeName> = { 0: 'none', 1: 'md2', 2: 'md5', 4: 'password' };
/** strongest first; straight password and none only when nothing better is offered */
const PREFERENCE: AuthTypeCode[] = [2, 1, 4, 0];

export class Ipmi15Protocol implements Protocol {
  info: SessionInfo | undefined;
  private authType: AuthTypeCode = 0;
  private sessionId = 0;
  private outSeq = 0;
  private inbound = new SequenceWindow();
  private readonly password16: Buffer;
  private rqSeq = 0;
  /** the BMC said per-message authentication is disabled: replies may come without an authcode */
  private perMessageAuthDisabled = false;

  constructor(
    private readonly o: ConnectOptions,
    private readonly host: string,
  ) {
    const pw = typeof o.password === 'string' ? Buffer.from(o.password, 'utf8') : Buffer.from(o.password);
    if (pw.length > 16)
      throw new IpmiError('argument', `${host}: password is longer than 16 bytes, the IPMI 1.5 limit`, {
        host,
      });
    if (Buffer.byteLength(o.username) > 16)
      throw new IpmiError('argument', `${host}: user name is longer than 16 bytes`, { host });
    this.password16 = pad16(pw);
  }

  reset(): void {
    this.info = undefined;
    this.sessionId = 0;
    this.outSeq = 0;
    this.inbound.reset();
  }

  /** A sessionless or pre-activation request: session ID/seq as given, authenticated with `type`. */
  private async preSession(
    x: Exchanger,
    name: string,
    cmd: number,
    data: Buffer,
    type: AuthTypeCode,
    sessionId: number,
  ): Promise<{ completionCode: number; data: Buffer }> {
    const rqSeq = (this.rqSeq = (this.rqSeq % 63) + 1);
    const message = encodeRequest({ netFn: 0x06, cmd, rqSeq, data });
    return x.exchange(
      name,
      () => encodeSession15(type, 0, sessionId, this.password16, message),
      (d) => {
        if (rmcpClass(d) !== RMCP_CLASS_IPMI) return undefined;
        const p = decodeSession15(d);
        const m = p && decodeResponse(p.message);
        return m && m.cmd === cmd && m.rqSeq === rqSeq && m.netFn === 0x07
          ? { completionCode: m.completionCode, data: m.data }
          : undefined;
      },
    );
  }

  async login(x: Exchanger): Promise<void> {
    this.reset();
    const host = this.host;
    const privilege = PRIVILEGE_LEVEL[this.o.privilege ?? 'administrator'];
    const cc = (command: string, code: number, cmd: number) =>
      new IpmiError('completion-code', `${host}: ${command} failed: ${completionCodeText(code, 0x06, cmd)}`, {
        host,
        command,
        completionCode: code,
      });

    // v2.0 extended data bit set, as ipmitool does; old BMCs answer 0xCC and get the plain v1.5 form.
    let caps = await this.preSession(
      x,
      'Get Channel Authentication Capabilities',
      0x38,
      Buffer.from([0x8e, privilege]),
      0,
      0,
    );
    if (caps.completionCode === 0xcc)
      caps = await this.preSession(
        x,
        'Get Channel Authentication Capabilities',
        0x38,
        Buffer.from([0x0e, privilege]),
        0,
        0,
      );
    if (caps.completionCode !== 0 || caps.data.length < 3)
      throw cc('Get Channel Authentication Capabilities', caps.completionCode, 0x38);
    const offered = caps.data[1]! & 0x3f;
    this.perMessageAuthDisabled = (caps.data[2]! & 0x10) !== 0;
    const type = this.chooseAuthType(offered);

    const name16 = Buffer.alloc(16);
    name16.write(this.o.username, 'utf8');
    const challenge = await this.preSession(
      x,
      'Get Session Challenge',
      0x39,
      Buffer.concat([Buffer.from([type]), name16]),
      0,
      0,
    );
    if (challenge.completionCode === 0x81 || challenge.completionCode === 0x82)
      throw new IpmiError(
        'unknown-user',
        `${host}: unknown or disabled user "${this.o.username}" (${completionCodeText(challenge.completionCode, 0x06, 0x39)})`,
        {
          host,
          command: 'Get Session Challenge',
          completionCode: challenge.completionCode,
        },
      );
    if (challenge.completionCode !== 0 || challenge.data.length < 20)
      throw cc('Get Session Challenge', challenge.completionCode, 0x39);
    const tempId = challenge.data.readUInt32LE(0);

    const initialInbound = randomBytes(4).readUInt32LE(0) || 1;
    const seqBytes = Buffer.alloc(4);
    seqBytes.writeUInt32LE(initialInbound);
    let activated: { completionCode: number; data: Buffer };
    try {
      activated = await this.preSession(
        x,
        'Activate Session',
        0x3a,
        Buffer.concat([Buffer.from([type, privilege]), challenge.data.subarray(4, 20), seqBytes]),
        type,
        tempId,
      );
    } catch (e) {
      // A BMC that cannot verify our authcode drops the request silently (OpenIPMI does): after a
      // successful challenge for this user, silence means the password is wrong.
      if (e instanceof IpmiError && e.kind === 'timeout')
        throw new IpmiError(
          'wrong-password',
          `${host}: no answer to Activate Session for user "${this.o.username}": wrong password?`,
          {
            host,
            command: 'Activate Session',
            tries: e.tries,
          },
        );
      throw e;
    }
    if (activated.completionCode !== 0 || activated.data.length < 10) {
      if (activated.completionCode === 0x86)
        throw new IpmiError('privilege', `${host}: ${completionCodeText(0x86, 0x06, 0x3a)}`, {
          host,
          command: 'Activate Session',
          completionCode: 0x86,
        });
      throw cc('Activate Session', activated.completionCode, 0x3a);
    }
    this.authType = (activated.data[0]! & 0x0f) as AuthTypeCode;
    this.sessionId = activated.data.readUInt32LE(1);
    this.outSeq = (activated.data.readUInt32LE(5) - 1) >>> 0;
    this.info = {
      interface: 'lan',
      authType: NAME[this.authType] ?? 'none',
      privilege: 2,
      bmcSessionId: this.sessionId,
      consoleSessionId: this.sessionId,
    };

    if (privilege > 2) {
      const r = await x.request(0x06, 0x3b, Buffer.from([privilege]), 'Set Session Privilege Level');
      if (r.completionCode !== 0)
        throw new IpmiError(
          'privilege',
          `${host}: user "${this.o.username}" cannot have ${this.o.privilege ?? 'administrator'} privilege (${completionCodeText(r.completionCode, 0x06, 0x3b)})`,
          {
            host,
            command: 'Set Session Privilege Level',
            completionCode: r.completionCode,
          },
        );
      this.info.privilege = r.data[0]! & 0x0f;
    }
  }

  private chooseAuthType(offered: number): AuthTypeCode {
    const host = this.host;
    if (this.o.authType) {
      const t = CODE[this.o.authType];
      if (!(offered & (1 << t)))
        throw new IpmiError(
          'unsupported-auth-type',
          `${host}: the BMC does not offer authentication type ${this.o.authType.toUpperCase()} for this privilege level`,
          {
            host,
            command: 'Get Channel Authentication Capabilities',
          },
        );
      if (t === 0 && !this.o.allowInsecure)
        throw new IpmiError(
          'insecure-refused',
          `${host}: authentication type NONE sends everything unauthenticated; refused unless explicitly allowed`,
          { host },
        );
      return t;
    }
    for (const t of PREFERENCE) {
      if (!(offered & (1 << t))) continue;
      if (t === 0 && !this.o.allowInsecure)
        throw new IpmiError(
          'insecure-refused',
          `${host}: the BMC offers only authentication type NONE; refused unless explicitly allowed`,
          { host },
        );
      return t;
    }
    throw new IpmiError(
      'unsupported-auth-type',
      `${host}: the BMC offers no authentication type we support`,
      { host },
    );
  }

  wrap(message: Buffer): Buffer {
    this.outSeq = this.outSeq >= 0xffffffff ? 1 : this.outSeq + 1;
    return encodeSession15(this.authType, this.outSeq, this.sessionId, this.password16, message);
  }

  unwrap(d: Buffer): Buffer | DropReason | undefined {
    // Claim only datagrams that carry our session ID: an RMCP+ packet or another session's packet on the
    // same socket belongs to someone else.
    if (rmcpClass(d) !== RMCP_CLASS_IPMI || d[4] === 0x06 || d.length < 13 || !this.info)
      return 'foreignSession';
    if (d.readUInt32LE(9) !== this.sessionId) return 'foreignSession';
    const p = decodeSession15(d);
    if (!p) return 'malformed';
    if (p.authType !== 0) {
      if (p.authType !== this.authType) return 'badIntegrity';
      const expected = authCode(this.authType, this.password16, this.sessionId, p.sessionSeq, p.message);
      if (!expected || !p.authCode || !expected.equals(p.authCode)) return 'badIntegrity';
    } else if (this.authType !== 0 && !this.perMessageAuthDisabled) {
      // An unauthenticated reply in an authenticated session is forged or foreign.
      return 'badIntegrity';
    }
    if (!this.inbound.accept(p.sessionSeq)) return 'replayed';
    return Buffer.from(p.message);
  }

  closeRequestData(): Buffer | undefined {
    if (!this.info) return undefined;
    const b = Buffer.alloc(4);
    b.writeUInt32LE(this.sessionId >>> 0);
    return b;
  }
}
