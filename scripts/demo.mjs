#!/usr/bin/env node
// `npm run demo`: builds the web app if it has not been built, starts the platform in demo mode on
// the embedded database (DATA_DIR, default ./data) with the demo city 益阳市, and, once it is
// healthy, the HJ 212 simulator for every demo unit: the last 6 hours backfilled, then live data
// (minute, hourly, daily and real-time packets) with a mix of trouble scenarios. SIMULATE=0 skips it.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

if (!existsSync('apps/web/dist/index.html')) {
  console.log('building the web app (first start only)…');
  const built = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const port = process.env.PORT ?? '3000';
const hj212Port = process.env.HJ212_PORT ?? '9212';
const dataDir = resolve(process.env.DATA_DIR ?? './data');
const server = spawn('node', ['--import', 'tsx', 'apps/server/src/main.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DEMO: '1' },
});

let simulator = null;
const stop = (code) => {
  simulator?.kill('SIGTERM');
  server.kill('SIGTERM');
  process.exitCode = code;
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
server.on('exit', (code) => {
  simulator?.kill('SIGTERM');
  process.exit(code ?? 0);
});

async function healthy(deadline) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

if (process.env.SIMULATE !== '0' && (await healthy(Date.now() + 180_000))) {
  mkdirSync(dataDir, { recursive: true });
  const logFile = join(dataDir, 'simulator.log');
  const log = createWriteStream(logFile, { flags: 'a' });
  simulator = spawn(
    'node',
    [
      '--import',
      'tsx',
      'packages/simulator/src/cli.ts',
      '--api',
      `http://127.0.0.1:${port}`,
      '--port',
      hj212Port,
      '--mix',
      'demo',
      '--backfill-hours',
      '6',
      '--realtime',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  simulator.stdout.pipe(log);
  simulator.stderr.pipe(log);
  console.log(
    `\nSimulator: every demo unit sends HJ 212 data to tcp://localhost:${hj212Port} (last 6 h backfilled, then live); log: ${logFile}  (SIMULATE=0 to skip)`,
  );
}
