import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/**
 * Deletes archived raw frames older than the retention period, a chunk at a time so the archive
 * table is never locked for long. Records keep their `raw_frame_id`; once its frame is past
 * retention the record is still there but its evidence is not — so keep the period at least as
 * long as the data may be needed in enforcement (the default keeps frames for three years).
 */
export async function purgeRawFrames(
  db: Db,
  opts: { now: Date; retentionDays: number; chunk?: number },
): Promise<number> {
  if (!(opts.retentionDays > 0)) return 0;
  const cutoff = new Date(opts.now.getTime() - opts.retentionDays * 86_400_000);
  const chunk = opts.chunk ?? 10_000;
  let total = 0;
  for (;;) {
    const { numAffectedRows } = await sql`
      delete from raw_frame where id in (
        select id from raw_frame where received_at < ${cutoff.toISOString()}::timestamptz limit ${chunk}::int)`.execute(
      db,
    );
    const n = Number(numAffectedRows ?? 0);
    total += n;
    if (n < chunk) return total;
  }
}

export const DEFAULT_RAW_RETENTION_DAYS = 3 * 366;

/** Runs the purge at start and then every `intervalMs`. */
export function startRawRetention(
  db: Db,
  opts: { retentionDays: number; intervalMs?: number; now?: () => Date },
) {
  const now = opts.now ?? (() => new Date());
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = running
      .then(() => purgeRawFrames(db, { now: now(), retentionDays: opts.retentionDays }))
      .catch(() => 0);
  };
  run();
  const timer = setInterval(run, opts.intervalMs ?? 3_600_000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
