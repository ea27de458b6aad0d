import type { Db } from '../platform/db/database';

/** The periodic reports the seeds require, with their due rules (L5); idempotent. */
export async function seedReportDefinitions(_db: Db): Promise<void> {}
