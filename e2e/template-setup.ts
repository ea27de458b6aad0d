import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENV_E2E_TEMPLATE, ensureWebBuild, startServer } from './server-harness';

/**
 * vitest globalSetup of the e2e project: start the server once on an empty data folder so it seeds the
 * demo city and its history, stop it, and let every browser test start from a copy of that folder.
 */
export default async function setup() {
  ensureWebBuild();
  const dir = mkdtempSync(join(tmpdir(), 'dabiao-e2e-template-'));
  const server = await startServer(dir);
  await server.stop();
  process.env[ENV_E2E_TEMPLATE] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
