// bmcdesk: ipmitool-compatible command line over the BMC Desk IPMI stack.
import { runCli } from './run';
import { readSecret } from './read-secret';

const code = await runCli(process.argv.slice(2), {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
  readSecret,
});
process.exitCode = code;
