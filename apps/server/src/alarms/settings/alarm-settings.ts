import {
  type AnomalyRuleConfig,
  DEFAULT_ANOMALY_RULES,
  DEFAULT_SERIOUS_RULE,
  type SeriousExceedanceRule,
} from '@dabiao/domain';
import type { DbOrTrx } from '../../platform/db/database';

// The city's settings of the alarm platform; a key not yet set means the documented defaults.

export const ANOMALY_RULES_KEY = 'anomaly-rules';
export const SERIOUS_RULE_KEY = 'serious-rule';

async function read(db: DbOrTrx, key: string): Promise<unknown> {
  const row = await db.selectFrom('alarm_setting').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

/** The anomaly rules in force: the defaults, each overridden by the city's stored version. */
export async function anomalyRulesOf(db: DbOrTrx): Promise<AnomalyRuleConfig[]> {
  const stored = ((await read(db, ANOMALY_RULES_KEY)) as AnomalyRuleConfig[] | undefined) ?? [];
  return DEFAULT_ANOMALY_RULES.map((d) => {
    const s = stored.find((x) => x.code === d.code);
    return s ? { ...d, ...s, params: { ...d.params, ...s.params } } : { ...d, params: { ...d.params } };
  });
}

export async function seriousRuleOf(db: DbOrTrx): Promise<SeriousExceedanceRule> {
  return { ...DEFAULT_SERIOUS_RULE, ...((await read(db, SERIOUS_RULE_KEY)) as object | undefined) };
}

export async function writeSetting(db: DbOrTrx, key: string, value: unknown, userId: number, now: Date) {
  await db
    .insertInto('alarm_setting')
    .values({ key, value: JSON.stringify(value), updated_at: now, updated_by: userId })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_at: now, updated_by: userId }),
    )
    .execute();
}
