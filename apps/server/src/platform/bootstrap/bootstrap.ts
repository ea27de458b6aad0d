import { seedStandardLimits } from '../../limits/standards.seed';
import { hashPassword } from '../auth/password';
import type { Config } from '../config';
import type { Db } from '../db/database';
import { migrate } from '../db/migrate';
import { seedCityRegions } from './regions';

export const CITY_CODE = '430900';

export class StartupRefused extends Error {}

/**
 * Brings the database to a state the app can serve: migrations, the city's regions, and either the
 * demo city (demo mode) or the first administrator (production, which refuses to start without one).
 */
export async function bootstrap(
  db: Db,
  config: Config,
  seedDemo: (db: Db) => Promise<void>,
): Promise<{ demoSeeded: boolean }> {
  await migrate(db);
  const marker = await db
    .selectFrom('platform_setting')
    .select('value')
    .where('key', '=', 'mode')
    .executeTakeFirst();
  if (!config.demo && marker?.value === 'demo') {
    throw new StartupRefused(
      '该数据目录保存的是演示城市（含演示账号），不能以生产模式启动：请使用新的 DATA_DIR / DATABASE_URL，或以 DEMO=1 启动。',
    );
  }
  if (config.demo && marker?.value === 'production') {
    throw new StartupRefused('该数据库是生产数据库，不能以演示模式启动（演示账号只能存在于演示模式）。');
  }
  await seedCityRegions(db, process.env.CITY_CODE ?? CITY_CODE);
  await seedStandardLimits(db);
  if (config.demo) {
    if (marker) return { demoSeeded: false };
    await seedDemo(db);
    await db.insertInto('platform_setting').values({ key: 'mode', value: 'demo' }).execute();
    return { demoSeeded: true };
  }
  const admin = await db
    .selectFrom('app_user')
    .select('id')
    .where('role', '=', 'admin')
    .where('active', '=', true)
    .executeTakeFirst();
  if (!admin) {
    if (!config.adminPassword || config.adminPassword.length < 10) {
      throw new StartupRefused('生产模式需要管理员密码：请设置 ADMIN_PASSWORD（至少 10 个字符）后再启动。');
    }
    await db
      .insertInto('app_user')
      .values({
        username: 'admin',
        display_name: '系统管理员',
        role: 'admin',
        region_code: process.env.CITY_CODE ?? CITY_CODE,
        password_hash: await hashPassword(config.adminPassword),
      })
      .execute();
  }
  if (!marker) await db.insertInto('platform_setting').values({ key: 'mode', value: 'production' }).execute();
  return { demoSeeded: false };
}
