import { formatShanghai } from '../../monitoring/shanghai-time';
import { iso, makeFinding, type RuleEvaluator } from '../context';
import { ANOMALY_RULE_LABELS } from '../labels';
import { HOUR_MS } from '../runs';
import { num } from '../text';

/**
 * Offline (monitor-level): nothing arrived for `minHours` or more, `now − lastDataAt ≥ minHours`.
 * The finding runs from `lastDataAt` to `now`. A monitor that never sent anything
 * (`lastDataAt === null`) gives nothing: "never connected" is a commissioning status the registry
 * shows, not a data anomaly.
 */
export const offline: RuleEvaluator = (ctx, rule, out) => {
  const last = ctx.window.lastDataAt;
  if (last === null) return;
  const from = last.getTime();
  const silent = ctx.nowMs - from;
  if (!(silent >= Math.max(0, rule.minHours) * HOUR_MS) || silent <= 0) return;
  const hours = silent / HOUR_MS;
  out.push(
    makeFinding(
      ctx,
      'offline',
      null,
      from,
      ctx.nowMs,
      { lastDataAt: iso(from), now: iso(ctx.nowMs), hoursSilent: hours, thresholdHours: rule.minHours },
      `${ANOMALY_RULE_LABELS.offline.zh}：自 ${formatShanghai(last)}（北京时间）起未收到任何数据，` +
        `至 ${formatShanghai(new Date(ctx.nowMs))} 已 ${num(hours)} 小时，达到离线判定阈值（≥ ${num(rule.minHours)} 小时）。`,
    ),
  );
};
