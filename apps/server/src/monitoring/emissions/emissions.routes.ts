import { annualShareUsed, formatShanghai } from '@dabiao/domain';
import { POLLUTANTS } from '@dabiao/hj212';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { IdParams } from '../../platform/http/schema-helpers';
import { getEnterpriseForRead } from '../../registry/enterprise.service';
import type { RouteDeps } from '../../routes';
import { FLOW_CODES } from '../aggregation/pollutant-kinds';
import { strictQuery } from '../query/strict-query';
import { monthlyAmounts, permittedAmounts } from './emissions.repository';

const Num = Type.Union([Type.Null(), Type.Number()]);

const EmissionsView = Type.Object({
  enterpriseId: Type.Integer(),
  year: Type.Integer(),
  asOf: Type.String(),
  pollutants: Type.Array(
    Type.Object({
      code: Type.String(),
      name: Type.String(),
      /** Tonnes per month, January first; null for a month without data. */
      monthsT: Type.Array(Num),
      totalT: Type.Number(),
      permittedT: Num,
      permits: Type.Union([Type.Null(), Type.String()]),
      share: Num,
      remainingT: Num,
      exceeded: Type.Boolean(),
    }),
  ),
});

const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * An enterprise's emission amounts for a year (from the daily values: the units' Cou, or
 * concentration × flow) per month and pollutant, against the annual totals of its permits in force.
 */
export function emissionRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const db = database.db;
  api.withTypeProvider<TypeBoxTypeProvider>().get(
    '/monitoring/enterprises/:id/emissions',
    {
      ...strictQuery,
      schema: {
        tags: ['monitoring'],
        summary: '企业年度排放量（按月、按污染物）及许可排放量使用比例',
        params: IdParams,
        querystring: Type.Object(
          { year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) },
          { additionalProperties: false },
        ),
        response: { 200: EmissionsView },
      },
    },
    async (request) => {
      const p = requirePrincipal(request);
      const enterprise = await getEnterpriseForRead(db, p, request.params.id);
      const now = clock.now();
      const today = formatShanghai(now).slice(0, 10);
      const year = request.query.year ?? Number(today.slice(0, 4));
      const asOfDay = year === Number(today.slice(0, 4)) ? today : `${year}-12-31`;
      const [amounts, permitted] = await Promise.all([
        monthlyAmounts(db, enterprise.id, year),
        permittedAmounts(db, enterprise.id, asOfDay),
      ]);
      const flows = new Set(Object.values(FLOW_CODES));
      const codes = new Set([...amounts.map((a) => a.pollutant), ...permitted.map((x) => x.pollutant)]);
      const pollutants = [...codes]
        .filter((code) => !flows.has(code))
        .sort()
        .map((code) => {
          const monthsT: (number | null)[] = Array.from({ length: 12 }, () => null);
          for (const a of amounts) if (a.pollutant === code) monthsT[a.month - 1] = round(a.kg / 1000);
          const totalT = round(monthsT.reduce<number>((s, v) => s + (v ?? 0), 0));
          const permit = permitted.find((x) => x.pollutant === code);
          const share = permit ? annualShareUsed(totalT, permit.tonnes) : null;
          return {
            code,
            name: POLLUTANTS[code]?.name ?? code,
            monthsT,
            totalT,
            permittedT: permit ? round(permit.tonnes) : null,
            permits: permit?.permits ?? null,
            share: share ? round(share.share) : null,
            remainingT: share ? round(share.remainingT) : null,
            exceeded: share?.exceeded ?? false,
          };
        });
      return { enterpriseId: enterprise.id, year, asOf: asOfDay, pollutants };
    },
  );
}
