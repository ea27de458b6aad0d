import type { Db } from '../platform/db/database';

/** Demo: assessment reports and a yearly summary. */
export async function seedAssessmentHistory(_db: Db, _now: Date): Promise<void> {}
