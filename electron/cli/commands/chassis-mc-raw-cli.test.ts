// The CLI families against a fake session: ipmitool's argument handling, texts and exit codes
// (ipmitool 1.8.19 run against the lab ipmi_sim for the texts), and that bad input opens no session.
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../context';
import type { ConnectOptions } from '../../ipmi/client/connect';
import { FakeRequester, type FakeAnswer } from '../../ipmi/commands/fake-requester';
import type { IpmiRequest } from '../../ipmi/client/requester';
import { runChassis } from './chassis';
import { runPower } from './power';
import { runMc } from './mc';
import { parseRawArgs, runRaw } from './raw';
import { parseBootdev } from './chassis-boot';
import { str2uchar } from '../str2uchar';

function harness(answer: (req: IpmiRequest, i: number) => FakeAnswer = () => ({})) {
  const fake = new FakeRequester(answer);
  let opened = 0;
  let out = '';
  let err = '';
  const ctx: CliContext = {
    options: { host: 'bmc.test', username: 'admin', password: 'x' } as ConnectOptions,
    session: async () => {
      opened++;
      return fake;
    },
    out: (t) => (out += t),
    err: (t) => (err += t),
  };
  return { ctx, fake, opened: () => opened, out: () => out, err: () => err };
}

describe('argument errors never open a session', () => {
  it.each([
    [(c: CliContext) => runChassis(c, ['bootdev', 'usb']), 'Invalid argument: usb\n', 1],
    [(c: CliContext) => runChassis(c, ['policy', 'sometimes']), 'Invalid chassis policy: sometimes\n', 1],
    [(c: CliContext) => runChassis(c, ['identify', '256']), 'Given interval is too big.\n', 1],
    [(c: CliContext) => runChassis(c, ['identify', 'abc']), 'Invalid interval given.\n', 1],
    [(c: CliContext) => runChassis(c, ['frobnicate']), 'Invalid chassis command: frobnicate\n', 1],
    [
      (c: CliContext) => runChassis(c, ['bootparam', 'get', 'x']),
      "Invalid parameter 'x' given instead of bootparam.\n",
      1,
    ],
    [(c: CliContext) => runPower(c, 'explode'), 'Invalid chassis power command: explode\n', 1],
    [
      (c: CliContext) => runMc(c, ['reset', 'lukewarm']),
      'Invalid mc/bmc reset command: lukewarm\nusage: mc reset <warm|cold>\n',
      1,
    ],
    [(c: CliContext) => runRaw(c, ['0x06', '0x01', 'zz']), 'Given data "zz" is invalid.\n', 1],
    [(c: CliContext) => runRaw(c, ['app', '0x01']), 'Given netfn "app" is invalid.\n', 1],
    [(c: CliContext) => runRaw(c, ['0x06', '0x100']), 'Given command "0x100" is invalid.\n', 1],
    [(c: CliContext) => runRaw(c, ['0x40', '0x01']), 'Given netfn "0x40" is out of range.\n', 1],
  ])('%#', async (run, stderr, code) => {
    const h = harness();
    expect(await run(h.ctx)).toBe(code);
    expect(h.err()).toBe(stderr);
    expect(h.out()).toBe('');
    expect(h.opened()).toBe(0);
    expect(h.fake.sent).toEqual([]);
  });

  it('bootdev options=help lists the options (ipmitool text) and exits 1', async () => {
    const h = harness();
    expect(await runChassis(h.ctx, ['bootdev', 'pxe', 'options=persistent,bogus'])).toBe(1);
    expect(h.err()).toMatch(
      /^Invalid option: bogus\nLegal options settings are:\n {2}help {18}: print this message\n {2}valid {17}: Boot flags valid\n/,
    );
    expect(h.err()).toContain('  cons_redirect=enable  : Request console redirection be enabled\n');
    expect(h.opened()).toBe(0);
  });

  it('usage texts and their exit codes', async () => {
    const a = harness();
    expect(await runChassis(a.ctx, [])).toBe(1);
    expect(a.err()).toBe(
      'Chassis Commands:\n  status, power, policy, restart_cause\n  poh, identify, selftest,\n  bootdev, bootparam, bootmbox\n',
    );
    const b = harness();
    expect(await runPower(b.ctx, undefined)).toBe(0);
    expect(b.err()).toBe('chassis power Commands: status, on, off, cycle, reset, diag, soft\n');
    const c = harness();
    expect(await runRaw(c.ctx, ['6'])).toBe(1);
    expect(c.err()).toMatch(
      /^Not enough parameters given.\nRAW Commands: {2}raw <netfn> <cmd> \[data\]\n\nNetwork Function Codes:\n\n {2}VAL\tHEX\tSTRING\n=+\n {2}0\t0x00\tChassis\n/,
    );
    expect(c.err().endsWith('  12\t0x0c\tTransport\n\n(can also use raw hex values)\n')).toBe(true);
  });
});

describe('what the families send and print', () => {
  it('power on: Chassis Control 1', async () => {
    const h = harness();
    expect(await runPower(h.ctx, 'on')).toBe(0);
    // Chassis Control must never be repeated early: it goes out marked non-idempotent
    expect(h.fake.sent).toEqual([{ netFn: 0, cmd: 2, data: [1], opts: { idempotent: false } }]);
    expect(h.out()).toBe('Chassis Power Control: Up/On\n');
  });

  it('power diag refused (ipmi_sim answers 0xCC): ipmitool text, exit 1', async () => {
    const h = harness(() => ({ cc: 0xcc }));
    expect(await runPower(h.ctx, 'diag')).toBe(1);
    expect(h.err()).toBe('Set Chassis Power Control to Diag failed: Invalid data field in request\n');
  });

  it('chassis poh refused with 0xC1 (ipmi_sim): ipmitool text', async () => {
    const h = harness(() => ({ cc: 0xc1 }));
    expect(await runChassis(h.ctx, ['poh'])).toBe(1);
    expect(h.err()).toBe('Get Chassis Power-On-Hours failed: Invalid command\n');
  });

  it('identify force refused: ipmitool adds its warning and a blank line', async () => {
    const h = harness(() => ({ cc: 0xff }));
    expect(await runChassis(h.ctx, ['identify', 'force'])).toBe(1);
    expect(h.err()).toBe(
      'Set Chassis Identify failed: Unspecified error\nChassis may not support Force Identify On\n\n',
    );
    expect(h.fake.sent).toEqual([{ netFn: 0, cmd: 4, data: [0, 1] }]);
  });

  it('bootdev pxe options=persistent,efiboot: the ipmitool sequence and text', async () => {
    const h = harness();
    expect(await runChassis(h.ctx, ['bootdev', 'pxe', 'options=persistent,efiboot'])).toBe(0);
    expect(h.out()).toBe('Set Boot Device to pxe\n');
    expect(h.fake.sent.find((s) => s.data[0] === 5)?.data).toEqual([5, 0xe0, 0x04, 0, 0, 0]);
  });

  it('bootdev refused: ipmitool prints the error yet exits 0', async () => {
    const h = harness((req) => (req.data?.[0] === 5 ? { cc: 0x80 } : {}));
    expect(await runChassis(h.ctx, ['bootdev', 'disk', 'clear-cmos=yes'])).toBe(0);
    expect(h.err()).toBe('Set Chassis Boot Parameter 5 failed: Unsupported parameter\n');
    expect(h.out()).toBe('');
    expect(h.fake.sent.find((s) => s.data[0] === 5)?.data).toEqual([5, 0x80, 0x88, 0, 0, 0]);
  });

  it("raw prints the reply; a completion code prints ipmitool's line", async () => {
    const ok = harness(() => ({ data: [0, 3, 9] }));
    expect(await runRaw(ok.ctx, ['Application', '1'])).toBe(0);
    expect(ok.out()).toBe(' 00 03 09\n');
    // a raw request's effect is unknown: it is sent non-idempotent
    expect(ok.fake.sent).toEqual([{ netFn: 6, cmd: 1, data: [], opts: { idempotent: false } }]);
    const bad = harness(() => ({ cc: 0xc1 }));
    expect(await runRaw(bad.ctx, ['6', '0x55', '010'])).toBe(1);
    expect(bad.fake.sent).toEqual([{ netFn: 6, cmd: 0x55, data: [8], opts: { idempotent: false } }]);
    expect(bad.err()).toBe(
      'Unable to send RAW command (channel=0x0 netfn=0x6 lun=0x0 cmd=0x55 rsp=0xc1): Invalid command\n',
    );
  });

  it('mc selftest refused: "Bad response: (...)"', async () => {
    const h = harness(() => ({ cc: 0xc1 }));
    expect(await runMc(h.ctx, ['selftest'])).toBe(1);
    expect(h.err()).toBe('Bad response: (Invalid command)\n');
  });

  it('mc setenables system_event_log=off: read, write, verify', async () => {
    let enables = 0x08;
    const h = harness((req) => {
      if (req.cmd === 0x2e) enables = req.data![0]!;
      return req.cmd === 0x2f ? { data: [enables] } : {};
    });
    expect(await runMc(h.ctx, ['setenables', 'system_event_log=off'])).toBe(0);
    expect(h.fake.sent.map((s) => [s.cmd, ...s.data])).toEqual([[0x2f], [0x2e, 0x00], [0x2f]]);
    expect(h.out()).toMatch(
      /^Disabling System Event Logging\n\nVerifying...\nReceive Message Queue Interrupt {10}: disabled\n/,
    );
  });

  it('a timeout is not a refusal: it propagates to runCli', async () => {
    const h = harness(() => 'timeout');
    await expect(runChassis(h.ctx, ['status'])).rejects.toMatchObject({ kind: 'timeout' });
  });
});

describe('ipmitool number and argument rules', () => {
  it.each([
    ['0x1f', 31],
    ['010', 8],
    ['0', 0],
    ['255', 255],
    ['+7', 7],
    [' 9', 9],
  ])('str2uchar(%s) = %i', (s, v) => expect(str2uchar(s)).toEqual({ ok: true, value: v }));
  it.each([
    ['256', 'too-big'],
    ['-1', 'too-big'],
    ['08', 'invalid'],
    ['0x', 'invalid'],
    ['1a', 'invalid'],
    ['', 'invalid'],
  ])('str2uchar(%s) fails: %s', (s, reason) => expect(str2uchar(s)).toEqual({ ok: false, reason }));

  it("raw netfn names are ipmitool's, case-insensitive, full words only", () => {
    expect(parseRawArgs(['chassis', '1'])).toMatchObject({ ok: true, netFn: 0 });
    expect(parseRawArgs(['TRANSPORT', '2', '1'])).toMatchObject({ ok: true, netFn: 0x0c, cmd: 2, data: [1] });
    expect(parseRawArgs(['app', '1'])).toMatchObject({ ok: false });
    expect(parseRawArgs(['help'])).toMatchObject({ ok: false, code: 0 });
  });

  it('bootdev device aliases and clear-cmos=yes', () => {
    expect(parseBootdev(['force_pxe'])).toMatchObject({ ok: true, device: 'pxe' });
    expect(parseBootdev(['floppy', 'clear-cmos=yes'])).toMatchObject({
      ok: true,
      flags: { device: 'floppy', clearCmos: true },
    });
    expect(parseBootdev(['bios', 'options=verbose=yes,cons_redirect=skip,lockout_power'])).toMatchObject({
      ok: true,
      flags: { device: 'bios', verbosity: 'verbose', consoleRedirection: 'suppress', lockPowerButton: true },
    });
    // anything else in the second position is ignored, as in ipmitool
    expect(parseBootdev(['cdrom', 'clear-cmos=no'])).toEqual({
      ok: true,
      device: 'cdrom',
      flags: { device: 'cdrom' },
    });
  });
});
