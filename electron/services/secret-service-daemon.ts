// Test support: a private gnome-keyring Secret Service inside the current D-Bus session (npm test runs
// under dbus-run-session), so keychain code is tested against the real thing. The daemon gets a fresh
// HOME (a new, unlocked 'login' keyring; an existing one would need a GUI unlock prompt) and a
// non-empty unlock password (an empty one leaves the collection unusable).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCredentialStore } from './credentials';

export interface SecretService {
  /** why there is none (then the tests skip with this reason) */
  unavailable?: string;
  stop(): Promise<void>;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function nameHasOwner(name: string): boolean {
  const r = spawnSync(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${name}`,
    ],
    { encoding: 'utf8', timeout: 5000 },
  );
  return /boolean true/.test(r.stdout ?? '');
}

async function works(): Promise<boolean> {
  const s = await openCredentialStore({ service: 'BMC Desk probe' });
  return s.backend === 'os';
}

export async function startSecretService(): Promise<SecretService> {
  if (!process.env['DBUS_SESSION_BUS_ADDRESS'])
    return { unavailable: 'no D-Bus session bus (run under dbus-run-session)', stop: async () => {} };
  // Ask the bus without touching the service: a first Secret Service call would D-Bus-activate the
  // system's gnome-keyring with the real HOME, whose keyring is locked behind a GUI prompt.
  if (nameHasOwner('org.freedesktop.secrets')) {
    if (await works()) return { stop: async () => {} }; // another test file's daemon serves this bus
    return {
      unavailable: 'a Secret Service is running on this bus but is locked or unusable',
      stop: async () => {},
    };
  }
  if (!has('gnome-keyring-daemon'))
    return { unavailable: 'gnome-keyring-daemon not installed', stop: async () => {} };
  const home = await mkdtemp(join(tmpdir(), 'bmcdesk-keyring-'));
  const child: ChildProcess = spawn(
    'gnome-keyring-daemon',
    ['--foreground', '--unlock', '--components=secrets'],
    {
      env: { ...process.env, HOME: home, XDG_RUNTIME_DIR: home },
      stdio: ['pipe', 'ignore', 'ignore'],
    },
  );
  child.stdin?.end('bmcdesk-test-unlock');
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await rm(home, { recursive: true, force: true });
  };
  for (let i = 0; i < 40; i++) {
    await new Promise((r) => setTimeout(r, 150));
    if (await works()) return { stop };
    if (child.exitCode !== null) break;
  }
  await stop();
  return { unavailable: 'gnome-keyring-daemon did not start a usable Secret Service', stop: async () => {} };
}
