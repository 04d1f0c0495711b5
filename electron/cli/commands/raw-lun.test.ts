// `-l <lun>`: the LUN reaches the request `raw` sends (the lab's ipmi_sim ignores the LUN, so the
// parity test cannot show it), and only `raw` uses it.
import { describe, expect, it } from 'vitest';
import { runCli } from '../run';
import type { IpmiRequest, Requester } from '../../ipmi/client/requester';
import { parseArgs } from '../options';

function fakeSession(sent: IpmiRequest[]): Requester {
  return {
    host: 'bmc',
    raw: async (req) => {
      sent.push(req);
      return { completionCode: 0, data: Buffer.from([0x20, 0x01]) };
    },
    request: async (req) => {
      sent.push(req);
      return Buffer.from([0x20, 0x01]);
    },
  };
}

async function run(argv: string[]) {
  const sent: IpmiRequest[] = [];
  let stdout = '';
  let stderr = '';
  const code = await runCli(['-H', 'bmc', '-U', 'admin', '-E', ...argv], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: { IPMI_PASSWORD: 'pw' },
    session: fakeSession(sent),
  });
  return { sent, stdout, stderr, code };
}

describe('-l <lun>', () => {
  it.each([
    ['0', 0],
    ['1', 1],
    ['0x2', 2],
    ['03', 3],
  ])('-l %s sends raw requests to LUN %d', async (text, lun) => {
    const r = await run(['-l', text, 'raw', '0x06', '0x01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(' 20 01\n');
    expect(r.sent).toEqual([{ netFn: 0x06, cmd: 0x01, data: Uint8Array.from([]), lun }]);
  });

  it('defaults to LUN 0', async () => {
    const r = await run(['raw', '0x06', '0x01']);
    expect(r.sent[0]!.lun).toBe(0);
  });

  it.each(['4', '0x100', '-1', 'x', ''])('refuses %j before sending anything', async (text) => {
    const r = await run(['-l', text, 'raw', '0x06', '0x01']);
    expect([r.stdout, r.stderr, r.code, r.sent.length]).toEqual([
      '',
      "Invalid parameter given or out of range for '-l'.\n",
      1,
      0,
    ]);
  });

  it('is parsed with the other options, bundled or separate', () => {
    expect(parseArgs(['-H', 'h', '-E', '-l2', 'raw'], { IPMI_PASSWORD: 'p' }).lun).toBe(2);
    expect(parseArgs(['-H', 'h', '-E', 'raw'], { IPMI_PASSWORD: 'p' }).lun).toBe(0);
  });
});
