import { DEFAULT_ANOMALY_RULES } from '@dabiao/domain';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { recordAudit } from '../../platform/audit/audit.repository';
import { requirePrincipal } from '../../platform/auth/auth.plugin';
import { invalid } from '../../platform/errors/app-error';
import { actorOf } from '../../registry/enterprise.service';
import type { RouteDeps } from '../../routes';
import { requireCity } from '../alarms.policy';
import {
  ANOMALY_RULES_KEY,
  anomalyRulesOf,
  SERIOUS_RULE_KEY,
  seriousRuleOf,
  writeSetting,
} from './alarm-settings';

const RuleBody = Type.Object(
  {
    rules: Type.Array(
      Type.Object(
        {
          code: Type.String({ maxLength: 40 }),
          enabled: Type.Boolean(),
          minHours: Type.Integer({ minimum: 1, maximum: 720 }),
          params: Type.Record(Type.String({ maxLength: 40 }), Type.Number()),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
const SeriousBody = Type.Object(
  {
    minConfirmedSheets: Type.Integer({ minimum: 1, maximum: 1000 }),
    minExceedanceDays: Type.Integer({ minimum: 1, maximum: 92 }),
    minMultiple: Type.Number({ exclusiveMinimum: 1, maximum: 1000 }),
  },
  { additionalProperties: false },
);

/** /alarm-settings: the anomaly rules (A2) and the serious-exceedance rule (A5) of the city. */
export function alarmSettingRoutes(api: FastifyInstance, { database, clock }: RouteDeps): void {
  const r = api.withTypeProvider<TypeBoxTypeProvider>();
  const { db } = database;
  const tags = ['alarms'];

  r.get('/alarm-settings/anomaly-rules', { schema: { tags, summary: '异常数据规则' } }, async (request) => {
    requirePrincipal(request);
    return { rules: await anomalyRulesOf(db) };
  });

  r.put(
    '/alarm-settings/anomaly-rules',
    { schema: { tags, summary: '修改异常数据规则（市局）', body: RuleBody } },
    async (request) => {
      const p = requirePrincipal(request);
      requireCity(p, '只有市局可以设置报警规则');
      const errors = request.body.rules.flatMap((rule, i) => {
        const d = DEFAULT_ANOMALY_RULES.find((x) => x.code === rule.code);
        if (!d) return [{ path: `/rules/${i}/code`, message: `未知规则 ${rule.code}`, code: 'UNKNOWN_RULE' }];
        // out-of-range also takes fallback bounds, for all pollutants or one: lo, hi, lo.a21026, hi.a21026
        const known = (k: string) =>
          k in d.params || (rule.code === 'out-of-range' && /^(lo|hi)(\.[a-z]\d{5})?$/.test(k));
        return Object.keys(rule.params)
          .filter((k) => !known(k))
          .map((k) => ({
            path: `/rules/${i}/params/${k}`,
            message: `规则 ${rule.code} 没有参数 ${k}`,
            code: 'UNKNOWN_PARAM',
          }));
      });
      if (errors.length) throw invalid(errors);
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await anomalyRulesOf(trx);
        await writeSetting(trx, ANOMALY_RULES_KEY, request.body.rules, p.id, now);
        const after = await anomalyRulesOf(trx);
        await recordAudit(
          trx,
          actorOf(p, request.ip),
          { action: 'update', entity: 'alarm_setting', entityId: ANOMALY_RULES_KEY, before, after },
          now,
        );
        return { rules: after };
      });
    },
  );

  r.get(
    '/alarm-settings/serious-rule',
    { schema: { tags, summary: '严重超标企业认定规则' } },
    async (request) => {
      requirePrincipal(request);
      return seriousRuleOf(db);
    },
  );

  r.put(
    '/alarm-settings/serious-rule',
    { schema: { tags, summary: '修改严重超标企业认定规则（市局）', body: SeriousBody } },
    async (request) => {
      const p = requirePrincipal(request);
      requireCity(p, '只有市局可以设置报警规则');
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const before = await seriousRuleOf(trx);
        await writeSetting(trx, SERIOUS_RULE_KEY, request.body, p.id, now);
        await recordAudit(
          trx,
          actorOf(p, request.ip),
          {
            action: 'update',
            entity: 'alarm_setting',
            entityId: SERIOUS_RULE_KEY,
            before,
            after: request.body,
          },
          now,
        );
        return seriousRuleOf(trx);
      });
    },
  );
}
