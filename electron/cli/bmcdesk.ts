// bmcdesk: ipmitool-compatible command line over the BMC Desk IPMI stack.
import { readFileSync } from 'node:fs';
import { runCli } from './run';
import { readSecret } from './read-secret';
import { closePipedLines, lineReader } from './read-line';

/** package.json's version: this file runs from out/cli/ (see bin/bmcdesk). */
function version(): string | undefined {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version;
  } catch {
    return undefined;
  }
}

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  readSecret,
  readLine: lineReader({ input: process.stdin, output: process.stdout }),
  ...(version() !== undefined && { version: version()! }),
});
closePipedLines(process.stdin);
process.exitCode = code;
