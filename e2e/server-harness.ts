// Starts the real server (demo city, embedded database, temp data dir) and a headless chromium.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '..');
export const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
export const ADMIN = { username: 'admin', password: 'dabiao-demo' };

export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => ok(port));
    });
  });
}

export interface Harness {
  baseUrl: string;
  /** The HJ 212 gateway's TCP port (127.0.0.1), for tests that play a data-acquisition unit. */
  hj212Port: number;
  browser: Browser;
  stop: () => Promise<void>;
}

/** The server serves apps/web/dist; build it when a test run starts from a clean checkout. */
export function ensureWebBuild(): void {
  if (existsSync(join(ROOT, 'apps/web/dist/index.html'))) return;
  const result = spawnSync('npm', ['run', 'build', '-w', 'apps/web'], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('web build failed');
}

async function waitForHealth(baseUrl: string, child: ChildProcess, log: () => string, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${log()}`);
    try {
      const response = await fetch(`${baseUrl}/api/v1/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`server not healthy after ${timeoutMs} ms:\n${log()}`);
}

/** Set by e2e/template-setup.ts: a data folder holding the seeded demo city, copied by every test file. */
export const ENV_E2E_TEMPLATE = 'DABIAO_E2E_TEMPLATE';

interface ServerProcess {
  baseUrl: string;
  hj212Port: number;
  /** Stops the server (SIGTERM: it closes the database cleanly). */
  stop: () => Promise<void>;
}

/** The real server on `dataDir` (demo mode, embedded database), healthy. */
export async function startServer(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  const hj212Port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: ROOT,
    // The embedded database in a temp dir, whatever DATABASE_URL the shell has.
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PORT: String(port),
      HJ212_PORT: String(hj212Port),
      HOST: '127.0.0.1',
      DEMO: '1',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const stop = async () => {
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  };
  try {
    await waitForHealth(baseUrl, child, () => output.slice(-4000));
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, hj212Port, stop };
}

export async function startHarness(): Promise<Harness> {
  ensureWebBuild();
  mkdirSync(SCREENSHOTS, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'dabiao-e2e-'));
  // A copy of the run's seeded demo city when there is one (the server then skips seeding).
  const template = process.env[ENV_E2E_TEMPLATE];
  if (template) cpSync(template, dataDir, { recursive: true });
  let server: ServerProcess;
  try {
    server = await startServer(dataDir);
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { baseUrl, hj212Port } = server;
  const stopServer = async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  return {
    baseUrl,
    hj212Port,
    browser,
    stop: async () => {
      await browser.close();
      await stopServer();
    },
  };
}

/** A fresh context (own cookies) logged in through the login form. */
export async function loginPage(harness: Harness, user = ADMIN): Promise<Page> {
  const context = await harness.browser.newContext({
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(`${harness.baseUrl}/login`);
  await page.getByTestId('login-username').fill(user.username);
  await page.getByTestId('login-password').fill(user.password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('current-user').waitFor();
  return page;
}

/**
 * Clicks a page of a menu group. The group may be folding or unfolding while the page re-renders
 * (a reload, a pushed value), so it is opened when needed and the click retried on a fresh look.
 */
export async function clickMenuItem(
  p: import('playwright-core').Page,
  group: string,
  item: string,
): Promise<void> {
  const entry = p.getByTestId(item);
  for (let attempt = 1; ; attempt++) {
    try {
      if (!(await entry.isVisible())) await p.getByTestId(group).click({ timeout: 5000 });
      await entry.waitFor({ state: 'visible', timeout: 5000 });
      await entry.click({ timeout: 5000 });
      return;
    } catch (error) {
      if (attempt >= 4) throw error;
      await p.waitForTimeout(300);
    }
  }
}
