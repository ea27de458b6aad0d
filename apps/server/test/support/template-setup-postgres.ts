import { buildPostgresTemplate, ENV_PG_TEMPLATE } from './demo-template';

/** vitest globalSetup of the server-postgres project: one seeded demo city for every test file to copy. */
export default async function setup() {
  const template = await buildPostgresTemplate();
  process.env[ENV_PG_TEMPLATE] = template.name;
  return template.drop;
}
