import { runLocal } from './run';
import { isSupervised, runSupervised } from './supervise';

// A closed terminal must not turn a log line into a crash that leaves the servers running.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);

// Windows has no process groups to escape; there the launcher runs directly.
if (process.platform !== 'win32' && !isSupervised()) {
  runSupervised(__filename);
} else {
  void runLocal().then((code) => process.exit(code));
}
