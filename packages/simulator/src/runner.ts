// Many units in one process, each on its own TCP connection: live at any speed, or a backfill of
// a period as fast as the platform answers.
import { type ClientEvent, type ClientStats, UnitClient } from './client.js';
import { Schedule, UnitGenerator } from './generator.js';
import { hashInts, hashString, uniformAt } from './prng.js';
import type { ScenarioName } from './scenarios.js';
import { createSimClock, type SimClock } from './sim-clock.js';
import { DAY, SECOND } from './time.js';
import type { DataRecord, SimUnit } from './types.js';

export interface SimulationOptions {
  host: string;
  port: number;
  units: SimUnit[];
  seed: number;
  /** Time acceleration: 1 real time, 60 an hour a minute; Infinity with `end` = backfill as fast as answered. */
  speed: number;
  /** Simulated start; default now (live) or `end` − 1 day (backfill). */
  start?: Date;
  /** Simulated end: no record for a period ending after it; the run finishes when all is answered. */
  end?: Date;
  /** Scenario of every unit (default `normal`), overridden per MN by `scenarios`. */
  scenario?: ScenarioName;
  scenarios?: Record<string, ScenarioName>;
  /** Send real-time data (2011) from the start; the platform can also start it with a 2011 request. */
  realtime?: boolean;
  onEvent?: (e: SimEvent) => void;
  /** Minute-data interval, minutes (default 10); real-time interval, seconds (default 30). */
  minInterval?: number;
  rtdInterval?: number;
  answerTimeoutMs?: number;
  retries?: number;
  maxInFlight?: number;
  reconnectDelayMs?: number;
  /** Wall ms between two units' first connects (default 5: 1000 units connect over 5 s). */
  connectStaggerMs?: number;
  /** Wall ms between scheduler ticks (live mode; default 200). */
  tickMs?: number;
}

export interface SimStats extends ClientStats {
  units: number;
  connected: number;
  /** Records queued, awaiting an answer, or stored for re-sending. */
  pending: number;
  /** Units with nothing more to send (backfill or `end` reached). */
  finished: number;
  /** Simulated time (live) or the earliest unit's progress (backfill). */
  simTime: Date;
}

export type SimEvent = ClientEvent | { type: 'done'; stats: SimStats };

export interface SimulationHandle {
  /** A snapshot of the counters, summed over units. */
  readonly stats: SimStats;
  /** Resolves when every unit has finished (with `end`), or after stop(). */
  readonly done: Promise<SimStats>;
  /** Closes every connection; resolves with the final stats. */
  stop(): Promise<SimStats>;
}

interface Run {
  gen: UnitGenerator;
  client: UnitClient;
  schedule: Schedule;
  /** Simulated ms after a period end before the unit sends it (spreads units' sends). */
  delay: number;
  nextRtd: number;
  started: boolean;
  finished: boolean;
  /** Backfill: the remaining records, and the DataTime of the last one fed. */
  feed?: Iterator<DataRecord>;
  cursor: number;
  /** Backfill: the disconnect window last acted on. */
  lastDrop?: number;
}

const ZERO_STATS: ClientStats = {
  sent: 0,
  answered: 0,
  retries: 0,
  failures: 0,
  commands: 0,
  connects: 0,
  disconnects: 0,
  dropped: 0,
  badFrames: 0,
};

export function runSimulation(opts: SimulationOptions): SimulationHandle {
  const backfill = opts.speed === Number.POSITIVE_INFINITY;
  if (backfill && !opts.end) throw new RangeError('speed Infinity needs an end (a backfill of a period)');
  const end = opts.end?.getTime() ?? Number.POSITIVE_INFINITY;
  const start = opts.start?.getTime() ?? (backfill ? end - DAY : Date.now());
  if (!(start < end)) throw new RangeError('start must be before end');
  const clock: SimClock | undefined = backfill ? undefined : createSimClock(start, opts.speed);
  const simNow = () => clock?.now() ?? Date.now();
  const minInterval = opts.minInterval ?? 10;
  const emit = (e: SimEvent) => opts.onEvent?.(e);

  const runs: Run[] = opts.units.map((unit) => {
    const scenario = opts.scenarios?.[unit.mn] ?? opts.scenario ?? 'normal';
    const gen = new UnitGenerator({ unit, seed: opts.seed, scenario });
    const run: Run = {
      gen,
      schedule: new Schedule(start, minInterval),
      delay: Math.floor(
        uniformAt(hashInts(opts.seed, hashString(unit.mn)), 1) * Math.min(30, minInterval * 3) * SECOND,
      ),
      nextRtd: start,
      started: false,
      finished: false,
      cursor: start,
      client: undefined as unknown as UnitClient,
    };
    run.client = new UnitClient({
      host: opts.host,
      port: opts.port,
      unit,
      ...(opts.answerTimeoutMs === undefined ? {} : { answerTimeoutMs: opts.answerTimeoutMs }),
      ...(opts.retries === undefined ? {} : { retries: opts.retries }),
      ...(opts.maxInFlight === undefined ? {} : { maxInFlight: opts.maxInFlight }),
      ...(opts.reconnectDelayMs === undefined ? {} : { reconnectDelayMs: opts.reconnectDelayMs }),
      ...(clock ? { clock: clock.now } : {}),
      settings: {
        minInterval,
        rtdInterval: opts.rtdInterval ?? 30,
        realtime: !backfill && opts.realtime === true,
      },
      // A unit holds what it measured up to now (live) or up to the end of the backfill.
      history: (cn, b, e) => {
        const { minInterval: m, rtdInterval: r } = run.client.settings;
        return gen.stored(cn, b, e, backfill ? end : Math.min(simNow(), end), m, r);
      },
      onEvent: emit,
      ...(backfill ? { onReady: () => feed(run) } : {}),
    });
    if (backfill) run.feed = gen.records(start, end, { minInterval })[Symbol.iterator]();
    return run;
  });

  /** Backfill: give the unit its next record; drop the link when the record's time enters a disconnect window. */
  function feed(run: Run): void {
    const next = run.feed?.next();
    if (!next || next.done) {
      run.feed = undefined;
      return;
    }
    const t = next.value.dataTime.getTime();
    run.cursor = Math.max(run.cursor, t);
    const w = run.gen.signal.windows(t, t + 1).find((x) => x.kind === 'disconnect');
    if (w && w.start !== run.lastDrop) {
      run.lastDrop = w.start;
      run.client.send(next.value);
      run.client.drop();
      return;
    }
    run.client.send(next.value);
  }

  /** Live: queue whatever is due for one unit at simulated time `now`. */
  function advance(run: Run, now: number): void {
    const { gen, client, schedule } = run;
    if (gen.signal.scenario === 'disconnect') client.hold(gen.signal.disconnected(now));
    schedule.setMinInterval(client.settings.minInterval);
    // A period ending at `end` is still sent, after the unit's usual delay.
    while (schedule.peek() + run.delay <= now && schedule.peek() <= end) {
      const due = schedule.next();
      const r = gen.periodRecord(due.cn, due.start, due.end - due.start);
      if (r) client.send(r);
    }
    const until = Math.min(now, end);
    if (client.settings.realtime && client.isConnected) {
      const step = client.settings.rtdInterval * SECOND;
      if (until - run.nextRtd > 10 * step) run.nextRtd = until - step; // far behind: skip, do not flood
      for (; run.nextRtd <= until; run.nextRtd += step) {
        const r = gen.realtime(run.nextRtd);
        if (r) client.send(r, { keep: false });
      }
    } else run.nextRtd = Math.max(run.nextRtd, until);
  }

  const stagger = opts.connectStaggerMs ?? 5;
  const startTimers = runs.map((run, i) =>
    setTimeout(() => {
      run.started = true;
      run.client.start();
    }, i * stagger),
  );

  let resolveDone!: (s: SimStats) => void;
  const done = new Promise<SimStats>((resolve) => {
    resolveDone = resolve;
  });
  let stopped = false;

  const tick = () => {
    const now = simNow();
    for (const run of runs) {
      if (!run.started || run.finished) continue;
      if (!backfill) advance(run, now);
      const exhausted = backfill ? run.feed === undefined : run.schedule.peek() > end;
      if (exhausted && run.client.settled) run.finished = true;
    }
    if (runs.every((r) => r.finished)) void finish();
  };
  const ticker = setInterval(tick, opts.tickMs ?? 200);

  function stats(): SimStats {
    const sum: SimStats = {
      ...ZERO_STATS,
      units: runs.length,
      connected: 0,
      pending: 0,
      finished: 0,
      simTime: new Date(
        backfill
          ? Math.min(end, ...runs.filter((r) => !r.finished).map((r) => r.cursor))
          : Math.min(simNow(), end),
      ),
    };
    for (const { client, finished } of runs) {
      for (const k of Object.keys(ZERO_STATS) as (keyof ClientStats)[]) sum[k] += client.stats[k];
      if (client.isConnected) sum.connected++;
      sum.pending += client.pending;
      if (finished) sum.finished++;
    }
    return sum;
  }

  async function finish(): Promise<SimStats> {
    if (stopped) return done;
    stopped = true;
    clearInterval(ticker);
    startTimers.forEach(clearTimeout);
    await Promise.all(runs.map((r) => r.client.stop()));
    const final = stats();
    emit({ type: 'done', stats: final });
    resolveDone(final);
    return final;
  }

  return {
    get stats() {
      return stats();
    },
    done,
    stop: finish,
  };
}
