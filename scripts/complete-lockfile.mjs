#!/usr/bin/env node
// Adds lockfile entries for platform-specific optional packages (darwin, win32, other CPUs) that the
// registry mirror our machines use does not serve. Without them npm leaves those packages out of
// package-lock.json and `npm ci` then refuses the lockfile as "not in sync". Each entry is marked
// optional with the os/cpu its name says, so npm skips it here and fetches it where it fits.
// Run after any `npm install` that changes the lockfile: `node scripts/complete-lockfile.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const OS = { darwin: 'darwin', macos: 'darwin', win32: 'win32', windows: 'win32', linux: 'linux', freebsd: 'freebsd', android: 'android', openbsd: 'openbsd', sunos: 'sunos', netbsd: 'netbsd', aix: 'aix' };
const CPU = { x64: 'x64', 64: 'x64', amd64: 'x64', arm64: 'arm64', arm: 'arm', ia32: 'ia32', ppc64: 'ppc64', s390x: 's390x', riscv64: 'riscv64', loong64: 'loong64', 'x86_64': 'x64', aarch64: 'arm64' };

const lock = JSON.parse(readFileSync('package-lock.json', 'utf8'));
const packages = lock.packages;
let added = 0;
for (const [path, entry] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const base = path && path.startsWith('node_modules/') ? path.slice(0, path.lastIndexOf('node_modules/')) : '';
    const candidates = [`${path ? `${path}/` : ''}node_modules/${name}`, `${base}node_modules/${name}`, `node_modules/${name}`];
    if (candidates.some((c) => packages[c])) continue;
    const tokens = name.split(/[/@_-]/);
    const os = OS[Object.keys(OS).find((o) => tokens.includes(o)) ?? ''];
    const cpu = CPU[Object.keys(CPU).find((c) => tokens.includes(c)) ?? ''];
    if (!os && !cpu) continue; // not a platform package: a real gap npm should report
    packages[`node_modules/${name}`] = {
      version: version.replace(/^[\^~]/, ''),
      optional: true,
      ...(entry.dev ? { dev: true } : {}),
      ...(os ? { os: [os] } : {}),
      ...(cpu ? { cpu: [cpu] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))));
writeFileSync('package-lock.json', `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: added ${added} platform entries\n`);
