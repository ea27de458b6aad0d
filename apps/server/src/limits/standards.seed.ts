import { STANDARD_LIMITS } from '@dabiao/domain';
import { sql } from 'kysely';
import type { Db } from '../platform/db/database';
import { fromStandardLimit } from './limit-rows';
import { countStandardLimits } from './standard.repository';

/**
 * Loads the national standards (`STANDARD_LIMITS`) when the library is empty, in demo and in
 * production alike. Later corrections are versions entered through the API, never a re-seed.
 */
export async function seedStandardLimits(db: Db): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(20175)`.execute(trx);
    if ((await countStandardLimits(trx)) > 0) return 0;
    await trx
      .insertInto('standard_limit')
      .values(STANDARD_LIMITS.map((l) => fromStandardLimit(l)))
      .execute();
    return STANDARD_LIMITS.length;
  });
}
