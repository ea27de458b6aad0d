// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database in
// DATA_DIR) and exits, for deployments that migrate before starting the servers.
import { loadConfig } from '../config';
import { openDatabase } from './database';
import { migrate } from './migrate';

const config = loadConfig();
const database = await openDatabase({ url: config.databaseUrl, dataDir: config.dataDir });
try {
  const applied = await migrate(database.db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'up to date: nothing to apply');
} finally {
  await database.close();
}
