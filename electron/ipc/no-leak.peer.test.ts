// No call leaks the password. Every call of the contract that talks to a BMC (privilege other than
// 'none') is made through the dispatcher with its own example argument, pointed at a private lab BMC
// (ipmi_sim) whose account has a distinctive password, once with that password stored and once with a
// distinctive wrong one (the error paths). No result, error, progress event or other event, and no log
// line, may contain either password, in clear, hex or base64. A call is new here the moment it is
// declared; those that cannot be run blindly (they reset, lock out or change credentials) get safe
// arguments from CAREFUL below, with the reason, and a risky-sounding call missing from it fails.
// The same run checks each call's declared privilege against the command registry: no call sends a
// command that needs more privilege than the call says it needs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IpmiSession } from '../ipmi/client/connect';
import { LAB_USERS, startLabBmc, type LabBmc } from '../../e2e/lab/bmc-lab';
import { labApp } from '../../e2e/lab/lab-app';
import { contract, type CallName } from '../../shared/contract/index';
import { commandEntry, type CommandPrivilege } from '../ipmi/message/command-registry';
import type { IpmiRequest } from '../ipmi/client/requester';
import { EXAMPLE_HOST } from './test-app';

/** a lab account (administrator) whose 20-byte password appears nowhere else in the code */
const ACCOUNT = LAB_USERS.long20;
const WRONG = 'Wr0ng-Secret-q7Zx!';

type Example = Record<string, unknown>;
interface Careful {
  reason: string;
  /** the argument to call it with instead of its example (hostId already pointed at the lab host) */
  args: (example: Example) => Example;
  /** the error code the safe argument must end in when it is a refusal, e.g. an `.apply` given an
   *  unknown plan id ('stale-plan') runs the handler without changing anything; default success */
  outcome?: string;
}

/** Calls that cannot be run blindly with their example, why, and the safe argument they get here. */
const CAREFUL: Partial<Record<CallName, Careful>> = {
  'fleet.power': {
    reason: 'switches chassis power: only "on" (the lab chassis hook just records it)',
    args: (ex) => ({ ...ex, action: 'on' }),
  },
  'fleet.bootDevice': {
    reason: 'changes the next boot: only "none" (no override) on the private lab BMC',
    args: (ex) => ({ ...ex, device: 'none' }),
  },
  'fleet.identify': {
    reason: 'lights the identify LED: 0 seconds (off)',
    args: (ex) => ({ ...ex, interval: 0 }),
  },
  'sel.clear': {
    reason: "erases the SEL: the private lab BMC's, exported first (so the export path runs too)",
    args: (ex) => ({ ...ex, export: true }),
  },
  'sel.delete': {
    reason: 'deletes SEL records: a record id the lab SEL does not have, refused by the BMC',
    args: (ex) => ({ ...ex, ids: [0xfffe] }),
    outcome: 'completion-code',
  },
  'sensors.setThreshold': {
    reason: 'writes sensor thresholds: a record id the lab SDR does not have, refused before any Set',
    args: (ex) => ({ ...ex, recordId: 0xfffe }),
    outcome: 'argument',
  },
  'firewall.read': {
    reason:
      'ipmi_sim has no AMI firewall: the refusal path runs here (firewall.peer.test.ts reads the AMI peer)',
    args: (ex) => ex,
    outcome: 'unsupported',
  },
  'firewall.plan': {
    reason: 'plans only (nothing is sent but reads); ipmi_sim has no AMI firewall, so it is refused',
    args: (ex) => ex,
    outcome: 'unsupported',
  },
  'firewall.apply': {
    reason: 'changes firewall rules: a plan id never made, so the handler runs and refuses it',
    args: (ex) => ({ ...ex, planId: 'plan-' + '0'.repeat(32) }),
    outcome: 'stale-plan',
  },
  'lan.apply': {
    reason: 'rewrites the BMC network: a plan id never made, so the handler runs and refuses it',
    args: (ex) => ex,
    outcome: 'stale-plan',
  },
  'channel.cipherPrivileges.plan': {
    reason: 'only plans (reads, nothing written); the name matches the risky pattern',
    args: (ex) => ex,
  },
  'channel.cipherPrivileges.apply': {
    reason: 'changes cipher-suite privileges: a plan id never made, refused',
    args: (ex) => ex,
    outcome: 'stale-plan',
  },
  'sol.config.set': {
    reason: 'changes SOL settings: SOL enabled on the private lab BMC, which it already is',
    args: (ex) => ex,
  },
  'mc.reset': {
    reason:
      'resets the BMC: ipmi_sim refuses it (0xC1), so the refusal runs here; mc-raw.peer.test.ts resets pyghmi',
    args: (ex) => ({ ...ex, waitSeconds: 5 }),
    outcome: 'completion-code',
  },
  'chassis.control': {
    reason: 'switches chassis power: only "on" (the lab chassis hook just records it)',
    args: (ex) => ({ ...ex, action: 'on' }),
  },
  'chassis.policy.get': {
    reason:
      'reads the policy with a no-change Set, which ipmi_sim refuses (0xC1); chassis.peer.test.ts reads pyghmi',
    args: (ex) => ex,
    outcome: 'completion-code',
  },
  'chassis.policy.set': {
    reason: 'sets the power-restore policy: ipmi_sim refuses it (0xC1)',
    args: (ex) => ex,
    outcome: 'completion-code',
  },
  'chassis.restartCause': {
    reason: 'ipmi_sim has no Get System Restart Cause (0xC1); chassis.peer.test.ts reads pyghmi',
    args: (ex) => ex,
    outcome: 'completion-code',
  },
  'chassis.powerOnHours': {
    reason: 'ipmi_sim has no Get POH Counter (0xC1); chassis.peer.test.ts reads pyghmi',
    args: (ex) => ex,
    outcome: 'completion-code',
  },
  'chassis.boot.set': {
    reason:
      'sets the next boot device on the private lab BMC; ipmi_sim keeps the device only, so the flags read back differ',
    args: (ex) => ex,
    outcome: 'verify-failed',
  },
  'chassis.boot.clear': { reason: 'clears the boot override of the private lab BMC', args: (ex) => ex },
  'users.setName': { reason: 'renames user 7, unused on the private lab BMC', args: (ex) => ex },
  'users.setPassword': { reason: "sets user 7's password (not the account we log in as)", args: (ex) => ex },
  'users.testPassword': { reason: "tests user 7's password; changes nothing", args: (ex) => ex },
  'users.setPrivilege': { reason: "changes user 7's privilege, not ours", args: (ex) => ex },
  'users.enable': { reason: 'enables user 7, not ours', args: (ex) => ex },
  'users.disable': { reason: 'disables user 7, not ours', args: (ex) => ex },
  'users.apply': {
    reason: 'applies a user plan: a plan id never made, refused before any login',
    args: (ex) => ex,
    outcome: 'stale-plan',
  },
  'sel.time.set': {
    reason: "sets the BMC clock: to this computer's time, as sel.time.sync would",
    args: (ex) => ({ ...ex, seconds: Math.floor(Date.now() / 1000) }),
  },
};

/** Calls that only log in (the login's own steps are not requests, so nothing is recorded for them). */
const LOGIN_ONLY = new Set<string>(['session.connect']);

/** Calls whose names say they reset, lock out, erase or change credentials: they must be in CAREFUL. */
const RISKY =
  /(reset|password|disable|enable|privilege|apply|clear|delete|remove|raw|set|control|power\b|firewall)/i;

const forms = (secret: string): string[] => {
  const b = Buffer.from(secret, 'utf8');
  return [secret, b.toString('hex'), b.toString('hex').toUpperCase(), b.toString('base64')];
};
/** Every captured text that contains a secret in any of its forms. */
function leaks(texts: readonly string[], secrets: readonly string[]): string[] {
  const needles = secrets.flatMap(forms);
  return texts.filter((t) => needles.some((n) => t.includes(n)));
}

const bmcCalls = (Object.keys(contract) as CallName[]).filter((c) => contract[c].privilege !== 'none');

/** The example with every mention of the example host pointed at `hostId`, and a fresh operation id. */
function argsFor(call: CallName, hostId: string, n: number): Example {
  const point = (v: unknown): unknown =>
    v === EXAMPLE_HOST.id
      ? hostId
      : Array.isArray(v)
        ? v.map(point)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, point(x)]))
          : v;
  const example = point(contract[call].example) as Example;
  if ('operationId' in example) example['operationId'] = `op-noleak-${n}`;
  return CAREFUL[call]?.args(example) ?? example;
}

const RANK: Record<CommandPrivilege, number> = {
  none: 0,
  callback: 1,
  user: 2,
  operator: 3,
  administrator: 4,
};
const hex = (n: number) => '0x' + n.toString(16).padStart(2, '0');

/** The session, reporting every request it carries (login steps are not requests). */
function recording(session: IpmiSession, onRequest: (req: IpmiRequest) => void): IpmiSession {
  return new Proxy(session, {
    get(target, prop) {
      const v = Reflect.get(target, prop, target) as unknown;
      if (prop === 'raw' || prop === 'request')
        return (req: IpmiRequest, opts?: unknown) => {
          onRequest(req);
          return (v as (r: IpmiRequest, o?: unknown) => unknown).call(target, req, opts);
        };
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}

let bmc: LabBmc;
beforeAll(async () => {
  bmc = await startLabBmc({ satellite: false });
}, 30_000);
afterAll(async () => {
  await bmc?.stop();
});

describe('no call leaks the password', () => {
  it('the leak check finds a secret in clear, hex and base64, and nothing else', () => {
    const s = ACCOUNT.password;
    expect(
      leaks([`x${s}y`, Buffer.from(s).toString('hex'), Buffer.from(s).toString('base64')], [s]),
    ).toHaveLength(3);
    expect(leaks(['Wrong password for admin', 'password', '{"code":"wrong-password"}'], [s])).toEqual([]);
  });

  it('every BMC call is either safe to run with its example or in CAREFUL with a reason', () => {
    expect(bmcCalls.length).toBeGreaterThanOrEqual(8);
    const unlisted = bmcCalls.filter((c) => RISKY.test(c.split('.').slice(1).join('.')) && !CAREFUL[c]);
    expect(unlisted, 'add these to CAREFUL with a reason and safe arguments').toEqual([]);
    for (const [name, c] of Object.entries(CAREFUL)) {
      expect(Object.hasOwn(contract, name), name).toBe(true);
      expect(c.reason.length, name).toBeGreaterThan(10);
    }
  });

  it.each([
    ['the right password', ACCOUNT.password],
    ['a wrong password', WRONG],
  ])(
    'with %s stored: no result, event or log line holds it',
    async (_label, stored) => {
      const logs: string[] = [];
      let current: CallName | undefined;
      const sent = new Map<CallName, IpmiRequest[]>();
      const app = await labApp(bmc, ACCOUNT, {
        id: 'h0noleak001',
        password: stored,
        cipherSuite: EXAMPLE_HOST.cipherSuite,
        timeoutMs: null,
        onSession: (s) =>
          recording(s, (req) => {
            if (current) sent.set(current, [...(sent.get(current) ?? []), req]);
          }),
        log: (line) => logs.push(line),
      });
      const host = app.hosts[0]!;
      const captured: string[] = [];
      app.services.events.subscribe((name, payload) => captured.push(JSON.stringify({ name, payload })));
      const outcomes: Record<string, string> = {};
      try {
        for (const [n, call] of bmcCalls.entries()) {
          current = call;
          // a fresh session per call, so each call's own requests are the ones recorded
          await app.services.pool.close(host.id);
          const r = await app.dispatch(call, argsFor(call, host.id, n));
          captured.push(JSON.stringify(r));
          outcomes[call] = r.ok ? 'ok' : r.error.code;
        }
      } finally {
        await app.shutdown();
      }
      // every call reached its handler and the BMC: none was refused for its argument
      expect(Object.entries(outcomes).filter(([, o]) => o === 'invalid-argument')).toEqual([]);
      if (stored === ACCOUNT.password) {
        // the right password logs in: every call succeeds, so the success paths were all exercised
        expect(
          Object.entries(outcomes).filter(([c, o]) => o !== (CAREFUL[c as CallName]?.outcome ?? 'ok')),
        ).toEqual([]);
        // every command a call sent is in the registry, at a privilege the call's declaration covers
        const beyond: string[] = [];
        for (const call of bmcCalls) {
          const reqs = sent.get(call) ?? [];
          // an apply refused for its unknown plan id may have logged in only
          if (!LOGIN_ONLY.has(call) && CAREFUL[call]?.outcome !== 'stale-plan')
            expect(reqs.length, `${call} sent no request`).toBeGreaterThan(0);
          for (const req of reqs) {
            const entry = commandEntry(req.netFn, req.cmd);
            if (!entry)
              beyond.push(`${call}: ${hex(req.netFn)}/${hex(req.cmd)} is not in the command registry`);
            else if (RANK[entry.privilege] > RANK[contract[call].privilege])
              beyond.push(`${call} (${contract[call].privilege}) sends ${entry.name} (${entry.privilege})`);
          }
        }
        expect(beyond).toEqual([]);
      } else {
        // the wrong one is refused: every call failed (as a typed error or a failed host inside a result)
        expect(outcomes['power.status']).toBe('wrong-password');
        expect(captured.some((t) => t.includes('wrong-password'))).toBe(true);
      }
      expect(captured.length).toBeGreaterThan(bmcCalls.length);
      expect(leaks([...captured, ...logs], [ACCOUNT.password, WRONG])).toEqual([]);
    },
    120_000,
  );
});
