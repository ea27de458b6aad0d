import type { Db } from '../platform/db/database';
import { seedAssessmentHistory } from './seed-assessments';
import { seedLedgerHistory } from './seed-ledgers';
import { seedReportHistory } from './seed-reports';
import { seedSelfCheckHistory } from './seed-self-checks';
import { seedSpotCheckHistory } from './seed-spot-checks';

/**
 * The demo city's programme at work, relative to `now`: self-check forms in every state, problems in the
 * rectification ledger with sign-offs at each step, plans and notices, report submissions (one late),
 * assessment reports. Runs after the city and its campaigns are seeded; deterministic for a given `now`.
 */
export async function seedComplianceHistory(db: Db, now: Date): Promise<void> {
  await seedSelfCheckHistory(db, now);
  await seedLedgerHistory(db, now);
  await seedReportHistory(db, now);
  await seedAssessmentHistory(db, now);
  await seedSpotCheckHistory(db, now);
}
