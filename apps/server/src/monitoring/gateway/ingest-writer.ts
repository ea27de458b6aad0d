import type { Db } from '../../platform/db/database';
import { type IngestItem, type IngestOutcome, writeBatch } from './ingest.repository';

export interface IngestWriterOptions {
  /** Most items per transaction. */
  maxBatch?: number;
  /** Transactions in flight at once (1 for the embedded database, which is one session). */
  concurrency?: number;
  /** Above this many waiting items the writer asks its producers to stop reading. */
  highWater?: number;
  /** ...and lets them read again below this many. */
  lowWater?: number;
  /** Called with true when producers must pause, false when they may resume. */
  onPressure?: (paused: boolean) => void;
  /** A failed batch is retried after this delay (the database restarting, say). */
  retryDelayMs?: number;
  /**
   * Wait this long for more items before starting a batch that is not full. The embedded
   * database runs on the event loop, so without a pause every transaction would carry one packet
   * (nothing is read from the sockets while it runs); the server runs elsewhere and needs none.
   */
  gatherMs?: number;
  /** Reports a failed batch; the items stay queued and are retried. */
  onError?: (error: unknown) => void;
}

interface Waiting {
  item: IngestItem;
  resolve: (outcome: IngestOutcome) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the gateway: items from every connection are written together, a batch per
 * transaction, and each item's promise resolves only after its transaction committed — so an
 * answer sent on that resolution never acknowledges data that is not durably stored.
 * Memory is bounded by back-pressure: past `highWater` waiting items the producers are told to
 * pause (the gateway stops reading sockets) until the queue drains below `lowWater`.
 */
export class IngestWriter {
  private queue: Waiting[] = [];
  private inFlight = 0;
  private paused = false;
  private closed = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private gatherTimer: NodeJS.Timeout | null = null;
  private readonly maxBatch: number;
  private readonly concurrency: number;
  private readonly highWater: number;
  private readonly lowWater: number;
  private idleWaiters: (() => void)[] = [];
  /** Items committed since start, by outcome; batches and their sizes, for the bench and health. */
  readonly stats = { stored: 0, duplicate: 0, archived: 0, batches: 0, failures: 0 };

  constructor(
    private readonly db: Db,
    private readonly opts: IngestWriterOptions = {},
  ) {
    this.maxBatch = opts.maxBatch ?? 2000;
    this.concurrency = opts.concurrency ?? 1;
    this.highWater = opts.highWater ?? 20_000;
    this.lowWater = opts.lowWater ?? Math.floor(this.highWater / 2);
  }

  get pending(): number {
    return this.queue.length;
  }

  submit(item: IngestItem): Promise<IngestOutcome> {
    if (this.closed) return Promise.reject(new Error('ingest writer closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.paused && this.queue.length >= this.highWater) this.setPaused(true);
      this.pump();
    });
  }

  /** Resolves when everything submitted so far is committed (or failed for good at close). */
  async drain(): Promise<void> {
    if (this.queue.length === 0 && this.inFlight === 0) return;
    await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops taking items; waits for what is queued to be written. */
  async close(): Promise<void> {
    await this.drain();
    this.closed = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.gatherTimer) clearTimeout(this.gatherTimer);
  }

  private pump(): void {
    // Batches form while a transaction is in flight: the next one starts when one finishes, so
    // a busy gateway writes large batches and an idle one answers at once.
    if (this.gatherTimer) return;
    const gatherMs = this.opts.gatherMs ?? 0;
    if (gatherMs > 0 && this.inFlight === 0 && this.queue.length > 0 && this.queue.length < this.maxBatch) {
      this.gatherTimer = setTimeout(() => {
        this.gatherTimer = null;
        this.flushNow();
      }, gatherMs);
      return;
    }
    this.flushNow();
  }

  private flushNow(): void {
    while (this.inFlight < this.concurrency && this.queue.length > 0 && !this.retryTimer) {
      const batch = this.queue.splice(0, this.maxBatch);
      this.inFlight++;
      void this.write(batch);
    }
  }

  private async write(batch: Waiting[]): Promise<void> {
    try {
      const outcomes = await writeBatch(
        this.db,
        batch.map((w) => w.item),
      );
      this.stats.batches++;
      batch.forEach((w, i) => {
        const outcome = outcomes[i] ?? 'archived';
        this.stats[outcome]++;
        w.resolve(outcome);
      });
    } catch (error) {
      // Nothing of the batch committed: put it back in front and try again shortly.
      this.stats.failures++;
      this.opts.onError?.(error);
      this.queue = batch.concat(this.queue);
      if (!this.retryTimer)
        this.retryTimer = setTimeout(() => {
          this.retryTimer = null;
          this.pump();
        }, this.opts.retryDelayMs ?? 1000);
    } finally {
      this.inFlight--;
      if (this.paused && this.queue.length <= this.lowWater) this.setPaused(false);
      // What queued while this batch was written goes at once (it has gathered already).
      this.flushNow();
      if (this.queue.length === 0 && this.inFlight === 0) {
        const waiters = this.idleWaiters;
        this.idleWaiters = [];
        for (const w of waiters) w();
      }
    }
  }

  private setPaused(paused: boolean): void {
    this.paused = paused;
    this.opts.onPressure?.(paused);
  }
}
