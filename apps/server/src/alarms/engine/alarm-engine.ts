import { type Clock, systemClock } from '../../platform/config';
import type { Db } from '../../platform/db/database';
import type { InboxBus } from '../inbox/inbox-bus';
import type { OutboundChannel } from '../inbox/outbound';
import { type EngineEffects, noEffects } from './alarm-store';
import { type SweepResult, sweepAnomalies } from './anomaly-sweep';
import { escalateOverdue } from './escalate';
import { judgePendingValues } from './judge-values';
import { LimitSource } from './limit-source';

export interface AlarmPass {
  judged: number;
  escalated: number;
  sweep: SweepResult | null;
  effects: EngineEffects;
}

/**
 * One pass of the alarm engine: judge every complete value not judged yet (A1), escalate the
 * overdue sheets (A3) and, when asked, sweep the anomaly rules over every monitor (A2). Each step
 * commits in its own transactions; the inbox pushes and outbound messages are returned for after
 * the commit.
 */
export async function runAlarmPass(
  db: Db,
  limits: LimitSource,
  now: Date,
  options: { sweep?: boolean; batch?: number } = {},
): Promise<AlarmPass> {
  const batch = options.batch ?? 300;
  const fx = noEffects();
  let judged = 0;
  for (;;) {
    const n = await db.transaction().execute((trx) => judgePendingValues(trx, limits, now, batch, fx));
    judged += n;
    if (n < batch) break;
  }
  let escalated = 0;
  for (;;) {
    const n = await db.transaction().execute((trx) => escalateOverdue(trx, now, fx));
    escalated += n;
    if (n < 200) break;
  }
  const sweep = options.sweep ? await sweepAnomalies(db, limits, now, fx) : null;
  return { judged, escalated, sweep, effects: fx };
}

export interface AlarmEngineOptions {
  /** Pause between judging passes when nothing new came (the aggregator kicks the engine sooner). */
  intervalMs: number;
  /** Anomaly sweeps this often (default 10 minutes). */
  sweepEveryMs?: number;
  /** The first sweep (default 2 minutes after start: units reconnecting after a restart are not offline). */
  firstSweepAfterMs?: number;
  clock?: Clock;
  inbox: InboxBus;
  outbound: OutboundChannel;
  limits?: LimitSource;
  onPass?: (pass: AlarmPass) => void;
  onError?: (error: unknown) => void;
}

export interface AlarmEngine {
  /** Run a pass soon (new aggregates were written). */
  kick(): void;
  stop(): Promise<void>;
}

/**
 * The engine as two background loops: judging and escalation (kicked whenever the aggregator has
 * written, so a closed hour becomes a sheet within moments) and the anomaly sweep (every
 * `sweepEveryMs`, apart, so a long sweep never delays a judgement). Each loop never overlaps itself.
 */
export function startAlarmEngine(db: Db, options: AlarmEngineOptions): AlarmEngine {
  const clock = options.clock ?? systemClock;
  const limits = options.limits ?? new LimitSource();
  const sweepEvery = options.sweepEveryMs ?? 10 * 60_000;
  const onError = options.onError ?? ((e) => console.error('alarm engine: pass failed', e));
  let stopped = false;

  const deliver = async (pass: AlarmPass) => {
    options.inbox.publish(pass.effects.events);
    for (const m of pass.effects.outbound) await options.outbound.send(m).catch(onError);
    options.onPass?.(pass);
  };

  const judging = loop(
    async () => deliver(await runAlarmPass(db, limits, clock.now())),
    options.intervalMs,
    0,
  );
  const sweeping = loop(
    async () => {
      const fx = noEffects();
      const sweep = await sweepAnomalies(db, limits, clock.now(), fx);
      await deliver({ judged: 0, escalated: 0, sweep, effects: fx });
    },
    sweepEvery,
    options.firstSweepAfterMs ?? 2 * 60_000,
  );

  /** Runs `pass` after `firstMs` and then every `everyMs`, or at once again when kicked during a run. */
  function loop(pass: () => Promise<void>, everyMs: number, firstMs: number) {
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<void> | undefined;
    let again = false;
    const schedule = (ms: number) => {
      if (stopped || timer) return;
      timer = setTimeout(tick, ms);
      timer.unref();
    };
    function tick() {
      timer = undefined;
      running = (async () => {
        try {
          await pass();
        } catch (error) {
          onError(error);
        }
        running = undefined;
        const soon = again;
        again = false;
        schedule(soon ? 0 : everyMs);
      })();
    }
    schedule(firstMs);
    return {
      kick() {
        if (stopped) return;
        if (running) {
          again = true;
          return;
        }
        if (timer) clearTimeout(timer);
        timer = undefined;
        schedule(0);
      },
      async stop() {
        if (timer) clearTimeout(timer);
        timer = undefined;
        await running;
      },
    };
  }

  return {
    kick: () => judging.kick(),
    async stop() {
      stopped = true;
      await Promise.all([judging.stop(), sweeping.stop()]);
    },
  };
}
