#!/usr/bin/env node
// The test command: installs what the tests need on this kind of machine (Debian chromium and a CJK
// font), typechecks, lints, builds the web app, runs every vitest project and prints the closing
// line CI reads: "N passed, N failed".
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const run = (cmd, args, opts = {}) => spawnSync(cmd, args, { stdio: 'inherit', ...opts }).status ?? 1;

function ensureSystemPackages() {
  const missing = [];
  if (!existsSync('/usr/bin/chromium')) missing.push('chromium');
  if (!existsSync('/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc')) missing.push('fonts-wqy-zenhei');
  if (missing.length === 0) return;
  console.log(`installing ${missing.join(', ')} with apt-get`);
  run('apt-get', ['update', '-qq']);
  const status = run('apt-get', ['install', '-y', '-qq', ...missing], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (status !== 0) console.error('apt-get install failed: browser tests will fail');
}

let extraFailed = 0;
let extraPassed = 0;
function step(name, cmd, args) {
  console.log(`\n== ${name}`);
  if (run(cmd, args) === 0) extraPassed++;
  else {
    extraFailed++;
    console.error(`${name}: FAILED`);
  }
}

ensureSystemPackages();
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json']);
step('lint', 'npx', ['biome', 'check', '.']);
step('build web', 'npm', ['run', 'build', '-w', 'apps/web']);

mkdirSync('test-results', { recursive: true });
console.log('\n== vitest');
const args = [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  '--outputFile.json=test-results/vitest.json',
  ...process.argv.slice(2),
];
const vitestStatus = run('npx', args);

let passed = 0;
let failed = 0;
try {
  const report = JSON.parse(readFileSync('test-results/vitest.json', 'utf8'));
  passed = report.numPassedTests;
  failed = report.numFailedTests + (report.numFailedTestSuites ?? 0);
  if (report.numTotalTests === 0) failed++;
} catch {
  failed++;
}
if (vitestStatus !== 0 && failed === 0) failed++;
passed += extraPassed;
failed += extraFailed;
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
