import type { Role, User } from '../api/types';
import { complianceGroup, TODO_ITEM } from './menu-compliance';

export interface MenuItem {
  key: string;
  path: string;
  labelKey: string;
  /** A group (在线监控): its pages. */
  children?: MenuItem[];
  /** Other path prefixes that select this item (an outlet's page selects the monitor list). */
  alsoSelects?: string[];
}

const GOVERNMENT: readonly Role[] = ['admin', 'city', 'district', 'grid'];
const REGISTRY_EDITORS: readonly Role[] = ['admin', 'city', 'district'];
/** Who may send commands (校时, intervals, 补传) to a data unit; the server checks the scope. */
const COMMANDERS: readonly Role[] = ['admin', 'city', 'district'];

/** 在线监控: for everyone who reads enterprises; the server limits the data to the user's scope. */
const MONITORING: MenuItem = {
  key: 'monitoring',
  path: '/monitoring',
  labelKey: 'nav.monitoring',
  children: [
    { key: 'monitoring-overview', path: '/monitoring', labelKey: 'nav.monitoringOverview' },
    {
      key: 'monitoring-monitors',
      path: '/monitoring/monitors',
      labelKey: 'nav.monitoringMonitors',
      alsoSelects: ['/monitoring/outlets'],
    },
    { key: 'monitoring-rates', path: '/monitoring/rates', labelKey: 'nav.monitoringRates' },
  ],
};

/** Who opens each page of 报警平台 (the server keeps each user to the alarms in scope). */
export const ALARM_PAGE_ROLES = {
  centre: ['admin', 'city', 'district', 'grid', 'department', 'operator', 'enterprise'],
  response: ['admin', 'city', 'district', 'grid', 'department'],
  filings: ['admin', 'city', 'district', 'grid', 'enterprise'],
  seriousLists: ['admin', 'city', 'district', 'grid', 'department', 'expert'],
  settings: ['admin', 'city'],
} as const satisfies Record<string, readonly Role[]>;
export type AlarmPage = keyof typeof ALARM_PAGE_ROLES;
export const canOpenAlarmPage = (role: Role, page: AlarmPage) =>
  (ALARM_PAGE_ROLES[page] as readonly Role[]).includes(role);

/** 报警平台: the alarm centre (我的报警 for an enterprise), response, filings, the list, rules, inbox. */
export function alarmGroup(role: Role): MenuItem {
  const pages: MenuItem[] = [];
  if (canOpenAlarmPage(role, 'centre'))
    pages.push({
      key: 'alarm-centre',
      path: '/alarms',
      labelKey: role === 'enterprise' ? 'nav.myAlarms' : 'nav.alarmCentre',
    });
  if (canOpenAlarmPage(role, 'response'))
    pages.push({ key: 'alarm-response', path: '/alarms/response', labelKey: 'nav.alarmResponse' });
  if (canOpenAlarmPage(role, 'filings'))
    pages.push({ key: 'filings', path: '/filings', labelKey: 'nav.filings' });
  if (canOpenAlarmPage(role, 'seriousLists'))
    pages.push({ key: 'serious-lists', path: '/alarms/serious-lists', labelKey: 'nav.seriousLists' });
  if (canOpenAlarmPage(role, 'settings'))
    pages.push({ key: 'alarm-settings', path: '/alarms/settings', labelKey: 'nav.alarmSettings' });
  pages.push({ key: 'inbox', path: '/inbox', labelKey: 'nav.inbox' });
  return { key: 'alarms', path: '/alarms', labelKey: 'nav.alarms', children: pages };
}

/** The left-hand menu for a user: enterprise users get their own record and its monitoring. */
export function menuFor(user: Pick<User, 'role' | 'enterpriseId'>): MenuItem[] {
  if (user.role === 'enterprise') {
    return user.enterpriseId
      ? [
          { key: 'my', path: `/enterprises/${user.enterpriseId}`, labelKey: 'nav.myEnterprise' },
          TODO_ITEM,
          MONITORING,
          alarmGroup(user.role),
          ...compact(complianceGroup(user.role)),
        ]
      : [];
  }
  const items: MenuItem[] = [];
  if (user.role !== 'operator') items.push({ key: 'dashboard', path: '/', labelKey: 'nav.dashboard' });
  items.push(TODO_ITEM);
  items.push({ key: 'enterprises', path: '/enterprises', labelKey: 'nav.enterprises' });
  if (canImport(user.role))
    items.push({ key: 'import', path: '/enterprises/import', labelKey: 'nav.import' });
  items.push(MONITORING);
  items.push(alarmGroup(user.role));
  items.push(...compact(complianceGroup(user.role)));
  if (user.role === 'admin') items.push({ key: 'users', path: '/users', labelKey: 'nav.users' });
  return items;
}

const compact = <T>(item: T | undefined): T[] => (item ? [item] : []);

/** Where a user lands after login. */
export function homePath(user: Pick<User, 'role' | 'enterpriseId'>): string {
  return menuFor(user)[0]?.path ?? '/403';
}

export const isGovernment = (role: Role) => GOVERNMENT.includes(role);
export const canImport = (role: Role) => REGISTRY_EDITORS.includes(role);
export const canCreateEnterprise = (role: Role) => REGISTRY_EDITORS.includes(role);
/** Enterprise users may keep their own record up to date; the server checks scope. */
export const canEditRegistry = (role: Role) => REGISTRY_EDITORS.includes(role) || role === 'enterprise';
export const canManageUsers = (role: Role) => role === 'admin';
export const canCommand = (role: Role) => COMMANDERS.includes(role);

/** The pages of the menu, groups opened up. */
export const menuLeaves = (items: MenuItem[]): MenuItem[] =>
  items.flatMap((item) => (item.children ? menuLeaves(item.children) : [item]));

/** The menu key that is selected for a location: the page with the longest matching path. */
export function selectedMenuKey(items: MenuItem[], pathname: string): string | undefined {
  const under = (prefix: string) =>
    prefix === '/' ? pathname === '/' : pathname === prefix || pathname.startsWith(`${prefix}/`);
  let best: { key: string; length: number } | undefined;
  for (const item of menuLeaves(items)) {
    for (const prefix of [item.path, ...(item.alsoSelects ?? [])]) {
      if (under(prefix) && (!best || prefix.length > best.length))
        best = { key: item.key, length: prefix.length };
    }
  }
  return best?.key;
}

/** The group that holds a key, to open it. */
export const groupOf = (items: MenuItem[], key: string | undefined): string | undefined =>
  items.find((item) => item.children?.some((c) => c.key === key))?.key;
