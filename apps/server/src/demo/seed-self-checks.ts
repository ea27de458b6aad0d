import type { Db } from '../platform/db/database';

/** Demo: self-check forms (004 附件2) in every state. */
export async function seedSelfCheckHistory(_db: Db, _now: Date): Promise<void> {}
