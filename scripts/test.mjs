#!/usr/bin/env node
// `npm test`: everything CI runs, in order, stopping at the first failure:
//   1. build (the browser tests serve the built API and SPA)
//   2. typecheck, lint and unit tests of every package (turbo, cached where inputs are unchanged)
//   3. integration tests against real PostgreSQL and Redis, one package at a time
//   4. Playwright in Debian's Chromium
// and ends with one line counting the tests that ran.
import { spawn } from 'node:child_process';

const steps = [
  ['build', ['turbo', 'run', 'build', '--output-logs=errors-only']],
  ['typecheck, lint, unit tests', ['turbo', 'run', 'typecheck', 'lint', 'test', '--output-logs=new-only']],
  ['integration tests', ['turbo', 'run', 'test:int', '--concurrency=1', '--output-logs=full']],
  ['browser tests', ['turbo', 'run', 'test:e2e', '--output-logs=full']],
];

const totals = { passed: 0, failed: 0 };

function count(output) {
  // jest: "Tests:       3 failed, 56 passed, 59 total"; Playwright: "  12 passed (9.1s)", "  1 failed"
  for (const m of output.matchAll(/Tests:\s+(?:(\d+) failed, )?(?:\d+ skipped, )?(\d+) passed/g)) {
    totals.failed += Number(m[1] ?? 0);
    totals.passed += Number(m[2]);
  }
  // turbo prefixes each line with `<package>:<task>: `
  for (const m of output.matchAll(/^(?:\S+: )?\s+(\d+) (passed|failed)(?: \(|$)/gm)) totals[m[2]] += Number(m[1]);
}

function run(label, [cmd, ...args]) {
  return new Promise((resolve) => {
    const started = Date.now();
    process.stdout.write(`\n== ${label}\n`);
    const child = spawn('npx', [cmd, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (chunk) => {
        output += chunk;
        (stream === child.stdout ? process.stdout : process.stderr).write(chunk);
      });
    }
    child.on('close', (code) => {
      count(output);
      process.stdout.write(`== ${label}: ${code === 0 ? 'ok' : `failed (${code})`} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
      resolve(code ?? 1);
    });
  });
}

let failedStep = 0;
for (const [label, command] of steps) {
  failedStep = await run(label, command);
  if (failedStep !== 0) break;
}
process.stdout.write(`\n${totals.passed} passed, ${totals.failed} failed\n`);
process.exit(failedStep !== 0 ? failedStep : totals.failed > 0 ? 1 : 0);
