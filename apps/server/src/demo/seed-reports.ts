import type { Db } from '../platform/db/database';

/** Demo: periodic report submissions (on time, late, missing), plans and notices. */
export async function seedReportHistory(_db: Db, _now: Date): Promise<void> {}
