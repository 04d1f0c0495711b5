// Answers "is the BMC up?" without a session: an IPMI 1.5 Get Channel Authentication Capabilities
// request (NetFn App, cmd 0x38), the first thing every client sends and answered before login.
import { createSocket } from 'node:dgram';

// RMCP header | v1.5 session header (auth none, seq 0, session 0, length 9) | IPMI message
const GET_CHANNEL_AUTH_CAPS = Buffer.from(
  '0600ff07' + // RMCP v1.0, reserved, seq 0xff (no ACK), class IPMI
    '00' +
    '00000000' +
    '00000000' +
    '09' + // auth type none, session seq, session id, message length
    '20' +
    '18' +
    'c8' + // rsAddr BMC, NetFn App (0x06 << 2), checksum
    '81' +
    '00' +
    '38' + // rqAddr remote console, rqSeq 0, Get Channel Authentication Capabilities
    '8e' +
    '04' +
    'b5', // "current channel" with the IPMI 2.0 bit, administrator, checksum
  'hex',
);

/** Resolves true if the BMC on address:port (default 127.0.0.1) replied within timeoutMs. */
export function probeBmc(port: number, timeoutMs: number, address = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createSocket('udp4');
    const done = (ok: boolean) => {
      clearTimeout(timer);
      s.close();
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    // A reply from the right port with the IPMI class byte is enough; the contents are checked by tests.
    s.on('message', (msg, rinfo) => {
      if (rinfo.port === port && msg.length > 4 && msg[3] === 0x07) done(true);
    });
    s.on('error', () => done(false));
    s.send(GET_CHANNEL_AUTH_CAPS, port, address);
  });
}
