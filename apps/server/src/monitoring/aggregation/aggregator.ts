import { type Clock, systemClock } from '../../platform/config';
import type { Db } from '../../platform/db/database';
import { type AggregationRun, runAggregation } from './run-aggregation';

export interface AggregatorOptions {
  /** Pause between runs when the queue was emptied. */
  intervalMs: number;
  /** Tasks per run (default 500); a full run is followed at once by the next. */
  limit?: number;
  clock?: Clock;
  onRun?: (run: AggregationRun) => void;
  /** Delay after a kick, gathering the records of a burst into one run (default 100 ms). */
  kickDelayMs?: number;
  onError?: (error: unknown) => void;
}

export interface Aggregator {
  /** New records were stored: run within `kickDelayMs` rather than after the full interval. */
  kick(): void;
  /** Stops the loop; resolves when a run in progress has committed or rolled back. */
  stop(): Promise<void>;
}

/** The aggregator as a background loop: one run at a time, never overlapping itself. */
export function startAggregator(db: Db, options: AggregatorOptions): Aggregator {
  const clock = options.clock ?? systemClock;
  const limit = options.limit ?? 500;
  const onError = options.onError ?? ((e) => console.error('aggregator: run failed', e));
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let dueAt = Number.POSITIVE_INFINITY;
  let kicked = false;
  const kickDelay = options.kickDelayMs ?? 100;

  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    dueAt = Date.now() + ms;
    timer = setTimeout(tick, ms);
    timer.unref();
  };
  function tick() {
    timer = undefined;
    running = (async () => {
      let full = false;
      try {
        const run = await runAggregation(db, { now: clock.now(), limit });
        full = run.tasks >= limit;
        if (run.tasks) options.onRun?.(run);
      } catch (error) {
        onError(error);
      }
      running = undefined;
      const again = kicked;
      kicked = false;
      schedule(full ? 0 : again ? kickDelay : options.intervalMs);
    })();
  }

  schedule(0);
  return {
    kick() {
      if (stopped) return;
      if (running) kicked = true;
      else if (dueAt > Date.now() + kickDelay) schedule(kickDelay);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
