// The "serial port" behind the lab BMC's SOL: a TCP server on 127.0.0.1 that ipmi_sim connects to.
// It records every byte the BMC forwards from the SOL client and can write bytes as if the host had
// printed them. By default it answers each received chunk upper-cased, like the test UART of the LAB
// SOL vector (specs/ipmi-lan.md §11.6: "hi\r" came back as "HI\r").
import { createServer, type Server, type Socket } from 'node:net';

export type SolEchoMode = 'upper' | 'echo' | 'none';

export interface SolConsole {
  port: number;
  /** Everything received from the BMC so far (i.e. typed by SOL clients). */
  received(): Buffer;
  /** Writes to the BMC as host output; dropped if ipmi_sim is not connected yet. */
  send(data: Buffer | string): void;
  /** Resolves once ipmi_sim holds a connection. */
  connected(): Promise<void>;
  close(): Promise<void>;
}

export async function startSolConsole(echo: SolEchoMode = 'upper'): Promise<SolConsole> {
  const chunks: Buffer[] = [];
  const sockets = new Set<Socket>();
  let waiters: Array<() => void> = [];

  const server: Server = createServer((socket) => {
    sockets.add(socket);
    for (const w of waiters) w();
    waiters = [];
    socket.on('data', (d: Buffer) => {
      chunks.push(d);
      if (echo === 'echo') socket.write(d);
      if (echo === 'upper') socket.write(Buffer.from(d.toString('latin1').toUpperCase(), 'latin1'));
    });
    socket.on('error', () => socket.destroy());
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const addr = server.address();
  if (addr === null || typeof addr === 'string') throw new Error('SOL console has no TCP address');

  return {
    port: addr.port,
    received: () => Buffer.concat(chunks),
    send(data) {
      for (const s of sockets) s.write(data);
    },
    connected: () => (sockets.size > 0 ? Promise.resolve() : new Promise<void>((r) => waiters.push(r))),
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
