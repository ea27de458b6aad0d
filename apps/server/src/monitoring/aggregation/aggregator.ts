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
  onError?: (error: unknown) => void;
}

export interface Aggregator {
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

  const schedule = (ms: number) => {
    if (stopped) return;
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
      schedule(full ? 0 : options.intervalMs);
    })();
  }

  schedule(0);
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
