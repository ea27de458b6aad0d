import { sql } from 'kysely';
import type { Db } from '../../platform/db/database';

/**
 * When each monitor was last heard from. Kept in memory on the hot path and written to
 * `monitor.last_seen_at` every few seconds (not in the ingest transaction: a row update per
 * packet would serialise the gateway's batches on the monitor rows).
 */
export class LastSeen {
  private dirty = new Map<number, { at: Date; peer: string }>();
  private timer: NodeJS.Timeout | null = null;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly intervalMs = 5000,
  ) {}

  mark(monitorId: number, at: Date, peer: string): void {
    const prev = this.dirty.get(monitorId);
    if (!prev || prev.at < at) this.dirty.set(monitorId, { at, peer });
  }

  start(): void {
    this.timer = setInterval(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.flush();
  }

  flush(): Promise<void> {
    this.flushing = this.flushing.then(() => this.write()).catch(() => undefined);
    return this.flushing;
  }

  private async write(): Promise<void> {
    if (this.dirty.size === 0) return;
    const batch = [...this.dirty.entries()].sort(([a], [b]) => a - b);
    this.dirty = new Map();
    try {
      await sql`
        update monitor set last_seen_at = greatest(monitor.last_seen_at, u.at), last_peer = u.peer
        from unnest(${batch.map(([id]) => id)}::int[], ${batch.map(([, v]) => v.at.toISOString())}::timestamptz[],
                    ${batch.map(([, v]) => v.peer)}::text[]) as u(id, at, peer)
        where monitor.id = u.id`.execute(this.db);
    } catch (error) {
      for (const [id, v] of batch) this.mark(id, v.at, v.peer);
      throw error;
    }
  }
}
