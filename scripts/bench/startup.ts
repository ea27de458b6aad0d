import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForHealth } from './util';

/** Time from starting the server (npm start, demo mode) on an empty data folder to a healthy answer. */
export async function startupBench(): Promise<{ seconds: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dabiao-bench-'));
  const port = await freePort();
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: {
      ...process.env,
      DEMO: '1',
      DATA_DIR: dataDir,
      PORT: String(port),
      HJ212_PORT: String(await freePort()),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  try {
    await waitForHealth(`http://127.0.0.1:${port}`, 120_000);
  } catch (error) {
    console.error(output);
    throw error;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    process.kill(-child.pid!, 'SIGTERM');
    await new Promise((r) => child.on('exit', r));
    rmSync(dataDir, { recursive: true, force: true });
    console.log(
      `startup: npm start → healthy demo city on an empty data folder: ${seconds.toFixed(1)} s (goal ≤ 20 s)`,
    );
  }
  return { seconds: Number(((performance.now() - started) / 1000).toFixed(1)) };
}
