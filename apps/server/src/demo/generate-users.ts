import type { DemoEnterprise, DemoGrid, DemoOperator, DemoUser } from './demo-city.types';
import { CITY_CODE, DEMO_DISTRICTS } from './demo-districts';

/** Monitoring-operation companies (fictional). */
export const DEMO_OPERATORS: readonly DemoOperator[] = [
  { key: 'op-1', name: '湖南绿源环境监测运维有限公司' },
  { key: 'op-2', name: '益阳市清源环保科技有限公司' },
  { key: 'op-3', name: '长沙碧水蓝天环境技术有限公司' },
];

/** How many enterprises get a demo login (`ent-1` … `ent-5`). */
const ENTERPRISE_LOGINS = 5;

/**
 * One demo account per role (all with the password 'dabiao-demo', set by the seeder):
 * admin, city, one per district bureau, every grid officer, the first operating enterprises,
 * an operator, an expert and a department.
 */
export function generateUsers(
  grids: readonly DemoGrid[],
  enterprises: readonly DemoEnterprise[],
): DemoUser[] {
  const users: DemoUser[] = [
    { username: 'admin', displayName: '系统管理员', role: 'admin', regionCode: CITY_CODE },
    { username: 'city', displayName: '益阳市生态环境局', role: 'city', regionCode: CITY_CODE },
    ...DEMO_DISTRICTS.map(
      (d): DemoUser => ({
        username: d.login,
        displayName: `益阳市生态环境局${d.label}分局`,
        role: 'district',
        regionCode: d.code,
      }),
    ),
    ...grids.map(
      (g): DemoUser => ({
        username: g.officer.username,
        displayName: g.officer.displayName,
        role: 'grid',
        regionCode: g.townshipCode,
        gridKey: g.key,
      }),
    ),
    ...enterprises
      .filter((e) => e.status === 'operating')
      .slice(0, ENTERPRISE_LOGINS)
      .map(
        (e, i): DemoUser => ({
          username: `ent-${i + 1}`,
          displayName: e.envContact,
          role: 'enterprise',
          regionCode: e.regionCode,
          enterpriseKey: e.key,
        }),
      ),
    {
      username: 'operator',
      displayName: '运维工程师',
      role: 'operator',
      regionCode: CITY_CODE,
      operatorKey: DEMO_OPERATORS[0]!.key,
    },
    { username: 'expert', displayName: '评估专家', role: 'expert', regionCode: CITY_CODE },
    { username: 'dept', displayName: '益阳市工业和信息化局', role: 'department', regionCode: CITY_CODE },
  ];
  return users;
}
