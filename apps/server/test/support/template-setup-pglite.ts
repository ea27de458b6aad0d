import { rmSync } from 'node:fs';
import { buildPgliteTemplate, ENV_PGLITE_TEMPLATE } from './demo-template';

/** vitest globalSetup of the server-pglite project: one seeded demo city for every test file to copy. */
export default async function setup() {
  const file = await buildPgliteTemplate();
  process.env[ENV_PGLITE_TEMPLATE] = file;
  return () => rmSync(file, { force: true });
}
