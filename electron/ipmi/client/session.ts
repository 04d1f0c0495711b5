// One IPMI-over-LAN session to one BMC: request/response matching, a bounded window of requests in
// flight, retransmission with backoff, keepalive, and transparent re-login when the BMC forgot us
// (rebooted, session timed out). Protocol details (1.5 vs RMCP+) live behind `Protocol`.
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { IpmiError } from '../errors';
import { BMC_SLAVE_ADDRESS, decodeResponse, encodeRequest } from '../message/ipmi-message';
import { Ipmi15Protocol } from '../session15/session15';
import { encodeSession15 } from '../session15/packet';
import { RmcpPlusProtocol } from '../rmcpplus/session20';
import { sharedEndpoint, type UdpEndpoint } from '../transport/udp-endpoint';
import type {
  BridgeTarget,
  CloseOptions,
  ConnectOptions,
  Exchanger,
  IpmiSession,
  Protocol,
  SessionInfo,
} from './session-types';
import {
  dataOrThrow,
  type IpmiRequest,
  type IpmiResponse,
  type RequestOptions,
  type Requester,
} from './requester';
import { newStats, type SessionStats } from './stats';
import { commandName } from './command-names';
import { bridgedRequester, type BridgeCarrier, type BridgedReply, type BridgedSend } from './bridge';
import { describeTries, fixedWait, retransmit, type Outcome } from './retransmit';
import { LOGIN_MIN_RTO_MS, RttEstimator, rttEstimatorFor } from './rtt-estimator';
import { isIdempotent, waitsWriteFloor, WRITE_MIN_RTO_MS } from './retransmit-safety';
import { acquireMessageTag, releaseMessageTag } from './message-tags';

type State = 'new' | 'opening' | 'open' | 'lost' | 'closed';

interface Waiter {
  rqSeq: number;
  netFn: number;
  cmd: number;
  /** A bridged Send Message: the target's response may come as a message of its own (see onDatagram). */
  followUp?: { netFn: number; cmd: number };
  resolve(r: BridgedReply): void;
}

export class Session implements IpmiSession {
  readonly host: string;
  readonly stats: SessionStats = newStats();
  private state: State = 'new';
  private protocol: Protocol;
  private endpoint: UdpEndpoint;
  private address = '';
  private readonly port: number;
  private unlisten: (() => void) | undefined;
  private opening: Promise<void> | undefined;
  private waiters = new Map<number, Waiter>();
  private setupHandlers = new Set<(d: Buffer) => boolean>();
  private nextSeq = 0;
  private inFlight = 0;
  private queue: (() => void)[] = [];
  private lastReceived = 0;
  private keepaliveTimer: NodeJS.Timeout | undefined;
  private generation = 0;
  /** the host's retransmission timer, shared with every session to the same address and port */
  private rtt = new RttEstimator();
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly window: number;

  constructor(private readonly o: ConnectOptions) {
    this.host = o.host;
    this.port = o.port ?? 623;
    this.timeoutMs = o.timeoutMs ?? 1000;
    this.retries = o.retries ?? 3;
    this.window = Math.max(1, Math.min(o.window ?? 16, 32));
    if (!Number.isInteger(this.port) || this.port < 1 || this.port > 65535)
      throw new IpmiError('argument', `${o.host}: invalid port ${o.port}`, { host: o.host });
    this.endpoint = o.endpoint ?? sharedEndpoint();
    const cacheKey = `${o.host}|${this.port}|${o.username}`;
    this.protocol =
      o.interface === 'lan' ? new Ipmi15Protocol(o, o.host) : new RmcpPlusProtocol(o, o.host, cacheKey);
  }

  get info(): SessionInfo | undefined {
    return this.protocol.info;
  }

  async open(): Promise<void> {
    if (this.state === 'closed')
      throw new IpmiError('closed', `${this.host}: session closed`, { host: this.host });
    if (this.state === 'open') return;
    this.opening ??= this.doOpen().finally(() => (this.opening = undefined));
    return this.opening;
  }

  private async doOpen(): Promise<void> {
    this.state = 'opening';
    try {
      if (!this.address) {
        this.address = await resolve(this.o.host);
        this.rtt = rttEstimatorFor(this.address, this.port);
        this.unlisten = this.endpoint.listen(this.address, this.port, (d) => this.onDatagram(d));
      }
      this.generation++;
      this.stats.logins++;
      const x = this.exchanger();
      try {
        await this.protocol.login(x);
      } finally {
        x.releaseTags();
      }
      this.state = 'open';
      this.lastReceived = Date.now();
      this.armKeepalive();
    } catch (e) {
      this.state = (this.state as State) === 'closed' ? 'closed' : 'lost';
      throw e;
    }
  }

  bridged(target: BridgeTarget): Requester {
    return bridgedRequester(this.direct(), target);
  }

  async request(req: IpmiRequest, opts?: RequestOptions): Promise<Buffer> {
    const r = await this.raw(req, opts);
    return dataOrThrow(this.host, req, r);
  }

  async raw(req: IpmiRequest, opts?: RequestOptions): Promise<IpmiResponse> {
    // As in ipmitool, a target at the BMC's own address is not bridged.
    if (this.o.target && this.o.target.address !== BMC_SLAVE_ADDRESS)
      return bridgedRequester(this.direct(), this.o.target).raw(req, opts);
    return this.send(req, opts);
  }

  /** This session without the default bridge target (used by the bridge itself). */
  direct(): BridgeCarrier {
    return {
      host: this.host,
      request: (r, o) => this.requestDirect(r, o),
      raw: (r, o) => this.send(r, o),
      sendMessage: (b, o) => this.send({ netFn: 0x06, cmd: 0x34 }, o, b),
    };
  }

  private async requestDirect(req: IpmiRequest, opts?: RequestOptions): Promise<Buffer> {
    const r = await this.send(req, opts);
    return dataOrThrow(this.host, req, r);
  }

  private async send(
    req: IpmiRequest,
    opts: RequestOptions = {},
    bridge?: BridgedSend,
  ): Promise<BridgedReply> {
    validateRequest(this.host, req);
    if (opts.signal?.aborted) throw cancelled(this.host, req);
    if (this.state !== 'open') await this.open();
    await this.acquireSlot(opts.signal);
    try {
      return await this.transact(req, opts, 'normal', bridge);
    } finally {
      this.releaseSlot();
    }
  }

  /** Sends one request with retries; re-logs in once if the BMC has forgotten the session. A bridged
   *  Send Message carries its embedded request built for this request's sequence number. Every
   *  retransmission reuses the rqSeq, so a BMC that detects duplicates answers instead of re-executing. */
  private async transact(
    req: IpmiRequest,
    opts: RequestOptions,
    mode: 'normal' | 'retry' | 'login',
    bridge?: BridgedSend,
  ): Promise<BridgedReply> {
    const name = commandName(req.netFn, req.cmd);
    const retries = opts.retries ?? this.retries;
    const base = opts.timeoutMs ?? this.timeoutMs;
    const rqSeq = this.allocSeq();
    const data = bridge ? bridge.data(rqSeq) : req.data;
    const message = encodeRequest({ netFn: req.netFn, cmd: req.cmd, rqSeq, data, rsLun: req.lun ?? 0 });
    const generation = this.generation;
    const sentAt = Date.now();
    let silentProbes = 0;
    let result: BridgedReply | undefined;
    const followUp = bridge && { netFn: bridge.netFn, cmd: bridge.cmd };
    const got = new Promise<BridgedReply>((resolve) =>
      this.waiters.set(rqSeq, {
        rqSeq,
        netFn: req.netFn,
        cmd: req.cmd,
        ...(followUp && { followUp }),
        resolve: (r) => resolve((result = r)),
      }),
    );
    const closed = () => new IpmiError('closed', `${this.host}: session closed`, { host: this.host });
    // Silence. If the BMC still answers sessionless requests but has not sent us anything since this
    // request went out, it has most likely lost our session (reboot, timeout): log in again. The probes
    // run where the fixed schedule's second, third… tries would end, however many tries were sent.
    const checkpoints: number[] = [];
    for (let i = 1, t = fixedWait(base, 0); i < retries; i++) checkpoints.push((t += fixedWait(base, i)));
    let mustRelogin = false;
    try {
      const outcome = await retransmit<BridgedReply>(
        { timeoutMs: base, retries, adaptive: isIdempotent(req, opts) },
        {
          send: async (attempt) => {
            if (this.state === 'closed') throw closed();
            // Another request may have started a re-login: wait for it rather than framing this message
            // for a session that no longer exists.
            if (mode !== 'login' && this.state !== 'open') await this.open();
            if (attempt > 0) this.stats.retransmits++;
            this.transmit(this.protocol.wrap(message));
          },
          wait: async (ms) => {
            const r = await waitFor(got, ms, opts.signal);
            if ((this.state as State) === 'closed') throw closed();
            if (r === 'aborted') throw cancelled(this.host, req);
            return r === 'timeout' ? (result ?? r) : r;
          },
          onSilence: async ({ elapsedMs }) => {
            if (mode !== 'normal' || this.lastReceived >= sentAt || !checkpoints.length) return 'go-on';
            if (elapsedMs < checkpoints[0]!) return 'go-on';
            checkpoints.shift();
            if (await this.probe(base)) silentProbes++;
            if (result) return 'stop'; // answered while we probed: nothing more to send
            if (silentProbes >= 2 || (silentProbes >= 1 && !checkpoints.length)) {
              mustRelogin = true;
              return 'stop';
            }
            return 'go-on';
          },
        },
        {
          rtt: this.rtt,
          command: (req.netFn << 8) | req.cmd,
          ahead: this.waiters.size - 1,
          ...(waitsWriteFloor(req) && { floorMs: WRITE_MIN_RTO_MS }),
        },
      );
      if (outcome.kind === 'answer') {
        if (outcome.tries > 1) this.rememberRetransmitted(rqSeq, req, outcome.elapsedMs);
        return outcome.value;
      }
      if (result) return result;
      if (mustRelogin) {
        this.waiters.delete(rqSeq);
        await this.relogin(generation);
        return await this.transact(req, opts, 'retry', bridge);
      }
      throw new IpmiError('timeout', `${this.host}: no response to ${name} after ${describeTries(outcome)}`, {
        host: this.host,
        command: name,
        tries: outcome.tries,
        netFn: req.netFn,
        cmd: req.cmd,
      });
    } finally {
      if (this.waiters.get(rqSeq)?.rqSeq === rqSeq) this.waiters.delete(rqSeq);
    }
  }

  /** Requests answered after a retransmission, for a short while: a second answer to one of them shows
   *  the retransmission was spurious (the first transmission was answered, just late), and the time
   *  to the first answer is then a true round trip (the Eifel algorithm, RFC 3522), which Karn's rule
   *  alone would never learn; without it a slow command would be repeated every time. */
  private retransmitted = new Map<number, { command: number; rttMs: number; until: number }>();

  private rememberRetransmitted(rqSeq: number, req: IpmiRequest, rttMs: number): void {
    const now = Date.now();
    for (const [k, v] of this.retransmitted) if (v.until < now) this.retransmitted.delete(k);
    this.retransmitted.set(rqSeq, { command: (req.netFn << 8) | req.cmd, rttMs, until: now + 2000 });
  }

  private spuriousRetransmission(rqSeq: number, netFn: number, cmd: number): void {
    const r = this.retransmitted.get(rqSeq);
    if (!r || r.command !== (((netFn & 0x3e) << 8) | cmd) || r.until < Date.now()) return;
    this.retransmitted.delete(rqSeq);
    this.stats.spuriousRetransmits++;
    this.rtt.sample(r.rttMs, r.command);
  }

  private async relogin(generation: number): Promise<void> {
    if (this.generation === generation && this.state === 'open') this.state = 'lost';
    if (this.state !== 'open') await this.open();
  }

  /** A sessionless Get Channel Authentication Capabilities: does anything answer at this address? */
  private async probe(timeoutMs: number): Promise<boolean> {
    const message = encodeRequest({ netFn: 0x06, cmd: 0x38, rqSeq: 0x3f, data: Buffer.from([0x0e, 0x04]) });
    const datagram = encodeSession15(0, 0, 0, Buffer.alloc(16), message);
    let seen = false;
    const handler = (d: Buffer) => {
      if (d.length >= 14 && d[4] === 0x00 && d.readUInt32LE(9) === 0) {
        const m = decodeResponse(d.subarray(14));
        if (m && m.cmd === 0x38 && m.rqSeq === 0x3f) return (seen = true);
      }
      return false;
    };
    this.setupHandlers.add(handler);
    try {
      this.transmit(datagram);
      const until = Date.now() + timeoutMs;
      while (!seen && Date.now() < until) await sleep(10);
      return seen;
    } finally {
      this.setupHandlers.delete(handler);
    }
  }

  private exchanger(): Exchanger & { releaseTags(): void } {
    const bmc = `${this.address.toLowerCase()}|${this.port}`;
    const tags: number[] = [];
    return {
      messageTag: () => {
        const tag = acquireMessageTag(bmc);
        tags.push(tag);
        return tag;
      },
      releaseTags: () => {
        for (const tag of tags.splice(0)) releaseMessageTag(bmc, tag);
      },
      exchange: async <T>(
        name: string,
        build: () => Buffer,
        match: (d: Buffer) => T | undefined,
        opts?: { idempotent?: boolean; steady?: boolean },
      ): Promise<T> => {
        let found: { v: T } | undefined;
        let wake: (() => void) | undefined;
        const handler = (d: Buffer) => {
          if (found) return false;
          const v = match(d);
          if (v === undefined) return false;
          found = { v };
          wake?.();
          return true;
        };
        this.setupHandlers.add(handler);
        let outcome: Outcome<T>;
        try {
          // RAKP 1/3 repeats are answered from the session's state; an Open Session is not repeated early
          // (see RmcpPlusProtocol).
          outcome = await retransmit<T>(
            {
              timeoutMs: this.timeoutMs,
              retries: this.retries,
              adaptive: opts?.idempotent !== false,
              ...(opts?.steady && { steady: true }),
            },
            {
              send: (attempt) => {
                if (this.state === 'closed')
                  throw new IpmiError('closed', `${this.host}: session closed`, { host: this.host });
                if (attempt > 0) this.stats.retransmits++;
                this.transmit(build());
              },
              wait: (ms) =>
                new Promise<T | 'timeout'>((resolve) => {
                  if (found) return resolve(found.v);
                  const t = setTimeout(
                    () =>
                      afterPendingIo(() => {
                        wake = undefined;
                        resolve(found ? found.v : 'timeout');
                      }),
                    ms,
                  );
                  wake = () => {
                    clearTimeout(t);
                    wake = undefined;
                    resolve(found!.v);
                  };
                }),
            },
            { rtt: this.rtt, command: name, floorMs: LOGIN_MIN_RTO_MS },
          );
        } finally {
          this.setupHandlers.delete(handler);
        }
        if (outcome.kind === 'answer') return outcome.value;
        throw new IpmiError(
          'timeout',
          `${this.host}: no response to ${name} after ${describeTries(outcome)}; is this a BMC on port ${this.port}${this.o.interface === 'lan' ? '' : ', and does it support IPMI 2.0 (else try -I lan)'}?`,
          {
            host: this.host,
            command: name,
            tries: outcome.tries,
          },
        );
      },
      // In-session request during login. It takes no window slot: a re-login may be running on behalf
      // of a request that already holds one.
      request: (netFn, cmd, data) => this.transact({ netFn, cmd, data }, {}, 'login'),
      sendOnce: (d) => this.transmit(d),
    };
  }

  private transmit(d: Buffer): void {
    this.stats.sent++;
    this.endpoint.send(d, this.address, this.port).catch(() => undefined);
  }

  private onDatagram(d: Buffer): boolean {
    for (const h of this.setupHandlers) {
      if (h(d)) {
        this.stats.received++;
        return true;
      }
    }
    const m = this.protocol.unwrap(d);
    if (m === undefined || m === 'foreignSession') {
      this.stats.dropped.foreignSession++;
      return false; // maybe another session's
    }
    if (typeof m === 'string') {
      this.stats.dropped[m]++;
      return true;
    }
    const r = decodeResponse(m);
    if (!r) {
      this.stats.dropped.malformed++;
      return true;
    }
    this.lastReceived = Date.now();
    const w = this.waiters.get(r.rqSeq);
    // Bridging with "track request": a BMC may answer the Send Message with a bare completion code and
    // deliver the target's response later as a message of its own, under the Send Message's sequence
    // number but with the target's NetFn and command (ipmi_sim, many real BMCs); others embed it in the
    // Send Message response (handled by the bridge).
    if (w?.followUp && r.completionCode !== 0xcf) {
      const f = w.followUp;
      const isSendMessage = r.cmd === w.cmd && (r.netFn & 0x3e) === w.netFn;
      if (!isSendMessage && r.cmd === f.cmd && (r.netFn & 0x3e) === f.netFn) {
        this.stats.received++;
        this.waiters.delete(r.rqSeq);
        w.resolve({ completionCode: r.completionCode, data: Buffer.from(r.data), followUp: true });
        return true;
      }
      if (isSendMessage && r.completionCode === 0 && r.data.length === 0) {
        this.stats.received++; // accepted and forwarded: keep waiting for the target's response
        return true;
      }
    }
    // 0xCF: "duplicate request" — the answer to one of our retransmissions; the real one follows.
    if (!w || w.cmd !== r.cmd || w.netFn !== (r.netFn & 0x3e) || r.completionCode === 0xcf) {
      if (!w) this.spuriousRetransmission(r.rqSeq, r.netFn, r.cmd);
      this.stats.dropped.unmatched++;
      return true;
    }
    this.stats.received++;
    this.waiters.delete(r.rqSeq);
    w.resolve({ completionCode: r.completionCode, data: Buffer.from(r.data) });
    return true;
  }

  private allocSeq(): number {
    // Cycle through all 63 values so a late reply to an old request cannot match a new one.
    for (let i = 0; i < 63; i++) {
      this.nextSeq = (this.nextSeq % 63) + 1;
      if (!this.waiters.has(this.nextSeq)) {
        this.retransmitted.delete(this.nextSeq);
        return this.nextSeq;
      }
    }
    throw new IpmiError('protocol', `${this.host}: no free request sequence number`, { host: this.host });
  }

  private acquireSlot(signal?: AbortSignal): Promise<void> {
    if (this.inFlight < this.window) {
      this.inFlight++;
      return Promise.resolve();
    }
    return new Promise((resolve, reject) => {
      const go = () => {
        signal?.removeEventListener('abort', abort);
        this.inFlight++;
        resolve();
      };
      const abort = () => {
        this.queue = this.queue.filter((q) => q !== go);
        reject(new IpmiError('cancelled', `${this.host}: request cancelled`, { host: this.host }));
      };
      signal?.addEventListener('abort', abort, { once: true });
      this.queue.push(go);
    });
  }

  private releaseSlot(): void {
    this.inFlight--;
    this.queue.shift()?.();
    this.armKeepalive();
  }

  private armKeepalive(): void {
    const every = this.o.keepaliveMs ?? 20_000;
    if (!every || this.state !== 'open') return;
    clearTimeout(this.keepaliveTimer);
    this.keepaliveTimer = setTimeout(() => {
      if (this.state !== 'open' || this.inFlight > 0) return this.armKeepalive();
      // Get Device ID keeps the session alive (what pyghmi does); a failure marks the session lost so
      // the next request logs in again instead of timing out first.
      this.send({ netFn: 0x06, cmd: 0x01 }, { retries: 1 }).catch(() => {
        if (this.state === 'open') this.state = 'lost';
      });
    }, every);
    this.keepaliveTimer.unref();
  }

  async close(opts?: CloseOptions): Promise<void> {
    if (this.state === 'closed') return;
    clearTimeout(this.keepaliveTimer);
    const data = this.state === 'open' ? this.protocol.closeRequestData() : undefined;
    if (data && opts?.wait === false) {
      // Sent once either way (no retransmission); not waiting only skips reading the answer, which
      // changes nothing: the BMC has freed the session or will time it out.
      const rqSeq = this.allocSeq();
      this.transmit(this.protocol.wrap(encodeRequest({ netFn: 0x06, cmd: 0x3c, rqSeq, data, rsLun: 0 })));
    } else if (data) {
      try {
        await this.transact(
          { netFn: 0x06, cmd: 0x3c, data },
          // Repeated on the adaptive timer (a second Close Session is harmless), so a lost answer costs
          // one round trip, not a fixed half second; at most 150 + 225 + 300 ms when none comes.
          { retries: 2, timeoutMs: Math.min(this.timeoutMs, 150) },
          'retry',
        );
      } catch {
        // the BMC drops idle sessions on its own
      }
    }
    this.state = 'closed';
    this.protocol.reset();
    this.unlisten?.();
    for (const w of this.waiters.values()) w.resolve({ completionCode: 0xff, data: Buffer.alloc(0) });
    this.waiters.clear();
  }
}

function validateRequest(host: string, req: IpmiRequest): void {
  const bad = (what: string) => new IpmiError('argument', `${host}: ${what}`, { host });
  if (!Number.isInteger(req.netFn) || req.netFn < 0 || req.netFn > 0x3f)
    throw bad(`invalid NetFn ${req.netFn}`);
  if (req.netFn & 1) throw bad(`NetFn 0x${req.netFn.toString(16)} is a response NetFn`);
  if (!Number.isInteger(req.cmd) || req.cmd < 0 || req.cmd > 0xff) throw bad(`invalid command ${req.cmd}`);
  if (req.data && req.data.length > 255) throw bad(`request data of ${req.data.length} bytes is too long`);
  if (req.lun !== undefined && (req.lun < 0 || req.lun > 3)) throw bad(`invalid LUN ${req.lun}`);
}

function cancelled(host: string, req: IpmiRequest): IpmiError {
  return new IpmiError('cancelled', `${host}: ${commandName(req.netFn, req.cmd)} cancelled`, {
    host,
    command: commandName(req.netFn, req.cmd),
  });
}

async function resolve(host: string): Promise<string> {
  if (isIP(host.replace(/%.*$/, ''))) return host;
  try {
    return (await lookup(host)).address;
  } catch (e) {
    throw new IpmiError(
      'argument',
      `${host}: cannot resolve host name (${(e as NodeJS.ErrnoException).code ?? e})`,
      { host, cause: e },
    );
  }
}

function waitFor<T>(p: Promise<T>, ms: number, signal?: AbortSignal): Promise<T | 'timeout' | 'aborted'> {
  return new Promise((resolve) => {
    const t = setTimeout(() => afterPendingIo(() => done('timeout')), ms);
    const onAbort = () => done('aborted');
    signal?.addEventListener('abort', onAbort, { once: true });
    function done(v: T | 'timeout' | 'aborted') {
      clearTimeout(t);
      signal?.removeEventListener('abort', onAbort);
      resolve(v);
    }
    p.then(done);
  });
}

/** Node runs expired timers before it reads sockets: a reply already waiting in the socket buffer
 *  must be read before a timer calls its request lost (setImmediate runs after the poll phase). */
const afterPendingIo = (f: () => void) => setImmediate(f);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
