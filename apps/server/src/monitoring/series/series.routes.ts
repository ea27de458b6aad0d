import { dayStart, shanghaiInstant } from '@dabiao/domain';
import { POLLUTANTS } from '@dabiao/hj212';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { IdParams } from '../../platform/http/schema-helpers';
import type { RouteDeps } from '../../routes';
import { couFactor, FLOW_CODES } from '../aggregation/pollutant-kinds';
import { findOutletInScope } from '../monitoring.policy';
import { strictQuery } from '../query/strict-query';
import { timeRange } from '../query/time-range';
import { shanghaiIso } from '../shanghai-iso';
import { dailySeries, hourlySeries } from './series.repository';
import { type SeriesPoint, SeriesQuery, SeriesView } from './series.schemas';

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

/** Day-aligned [from, to) covering the asked range: whole Shanghai days. */
function wholeDays(r: { from: Date; to: Date }) {
  const from = dayStart(r.from);
  const lastStart = dayStart(new Date(r.to.getTime() - 1));
  return { from, to: new Date(lastStart.getTime() + DAY_MS) };
}

const firstPerTime = <T>(rows: readonly T[], time: (r: T) => number) => {
  const seen = new Set<number>();
  return rows.filter((r) => !seen.has(time(r)) && seen.add(time(r)));
};

export function seriesRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const db = database.db;
  api.withTypeProvider<TypeBoxTypeProvider>().get(
    '/monitoring/outlets/:id/series',
    {
      ...strictQuery,
      schema: {
        tags: ['monitoring'],
        summary: '排放口某污染物的小时值或日均值序列（有效性、折算值、与数采仪比对）',
        params: IdParams,
        querystring: SeriesQuery,
        response: { 200: SeriesView },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const outlet = await findOutletInScope(db, p, request.params.id);
      const { pollutant: code, period } = request.query;
      const now = clock.now();
      const asked = timeRange(request.query, now, period === 'hour' ? 7 : 31);
      const range = period === 'day' ? wholeDays(asked) : asked;
      let points: SeriesPoint[];
      if (period === 'hour') {
        const rows = await hourlySeries(db, outlet.id, code, range.from, range.to);
        points = rows.map(
          ([
            epoch,
            avg,
            zsAvg,
            min,
            max,
            cou,
            unitAvg,
            unitZsAvg,
            valid,
            reason,
            flag,
            source,
            disagrees,
          ]) => ({
            time: shanghaiIso(new Date(epoch * 1000)),
            avg,
            zsAvg,
            min,
            max,
            cou,
            unitAvg,
            unitZsAvg,
            valid,
            reason,
            flag,
            source,
            disagrees,
            complete: epoch * 1000 + HOUR_MS <= now.getTime(),
          }),
        );
      } else {
        const rows = await dailySeries(db, outlet.id, code, range.from, range.to);
        points = firstPerTime(rows, (r) => Date.parse(r.day)).map((r) => {
          const start = shanghaiInstant(
            Number(r.day.slice(0, 4)),
            Number(r.day.slice(5, 7)),
            Number(r.day.slice(8, 10)),
          );
          return {
            time: shanghaiIso(start),
            avg: r.avg,
            zsAvg: r.zs_avg,
            min: r.min,
            max: r.max,
            cou: r.cou,
            unitAvg: null,
            unitZsAvg: null,
            valid: r.valid,
            reason: r.invalid_reason,
            flag: null,
            source: 'hours' as const,
            disagrees: Boolean(r.disagrees),
            complete: start.getTime() + DAY_MS <= now.getTime(),
          };
        });
      }
      const info = POLLUTANTS[code];
      const hasAmount = couFactor(code) !== undefined;
      const isFlow = Object.values(FLOW_CODES).includes(code);
      return {
        outletId: outlet.id,
        outletCode: outlet.code,
        outletName: outlet.name,
        outletKind: outlet.kind,
        enterpriseId: outlet.enterprise_id,
        enterpriseName: outlet.enterprise_name,
        referenceO2: outlet.reference_o2,
        pollutant: {
          code,
          name: info?.name ?? code,
          unit: info?.unit ?? '',
          amountUnit: hasAmount ? (isFlow ? 'm³' : 'kg') : null,
        },
        period,
        from: shanghaiIso(range.from),
        to: shanghaiIso(range.to),
        points,
      };
    },
  );
}
