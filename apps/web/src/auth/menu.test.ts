import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/types';
import {
  ALARM_PAGE_ROLES,
  canCommand,
  canOpenAlarmPage,
  groupOf,
  homePath,
  menuFor,
  menuLeaves,
  selectedMenuKey,
} from './menu';
import { COMPLIANCE_PAGE_ROLES, type CompliancePage, canOpenCompliancePage } from './menu-compliance';

describe('menuFor', () => {
  it('gives users admin to the administrator only', () => {
    for (const role of ROLES) {
      const keys = menuFor({ role, enterpriseId: null }).map((m) => m.key);
      expect(keys.includes('users'), role).toBe(role === 'admin');
    }
  });

  it('shows enterprise users their own record and its monitoring', () => {
    expect(menuFor({ role: 'enterprise', enterpriseId: 7 }).map((m) => m.key)).toEqual([
      'my',
      'todos',
      'monitoring',
      'alarms',
      'compliance',
    ]);
    expect(menuFor({ role: 'enterprise', enterpriseId: 7 })[0]).toEqual({
      key: 'my',
      path: '/enterprises/7',
      labelKey: 'nav.myEnterprise',
    });
    expect(homePath({ role: 'enterprise', enterpriseId: 7 })).toBe('/enterprises/7');
    expect(homePath({ role: 'enterprise', enterpriseId: null })).toBe('/403');
  });

  it('lets bureaus import and grid officers only read', () => {
    expect(menuFor({ role: 'district', enterpriseId: null }).map((m) => m.key)).toEqual([
      'dashboard',
      'todos',
      'enterprises',
      'import',
      'monitoring',
      'alarms',
      'compliance',
    ]);
    expect(menuFor({ role: 'grid', enterpriseId: null }).map((m) => m.key)).toEqual([
      'dashboard',
      'todos',
      'enterprises',
      'monitoring',
      'alarms',
      'compliance',
    ]);
  });

  it('gives every role that reads enterprises the 在线监控 group with its three pages', () => {
    for (const role of ROLES) {
      const leaves = menuLeaves(menuFor({ role, enterpriseId: 3 })).map((m) => m.path);
      expect(leaves, role).toEqual(
        expect.arrayContaining(['/monitoring', '/monitoring/monitors', '/monitoring/rates']),
      );
    }
  });

  it('lets only the bureaus send commands to data units', () => {
    expect(ROLES.filter(canCommand)).toEqual(['admin', 'city', 'district']);
  });
});

describe('报警平台', () => {
  const pagesOf = (role: (typeof ROLES)[number]) =>
    menuFor({ role, enterpriseId: 3 })
      .find((m) => m.key === 'alarms')
      ?.children?.map((c) => c.key);

  it('gives each role its pages of the group', () => {
    expect(pagesOf('admin')).toEqual([
      'alarm-centre',
      'alarm-response',
      'filings',
      'serious-lists',
      'alarm-settings',
      'inbox',
    ]);
    expect(pagesOf('city')).toEqual(pagesOf('admin'));
    expect(pagesOf('district')).toEqual([
      'alarm-centre',
      'alarm-response',
      'filings',
      'serious-lists',
      'inbox',
    ]);
    expect(pagesOf('enterprise')).toEqual(['alarm-centre', 'filings', 'inbox']);
    expect(pagesOf('operator')).toEqual(['alarm-centre', 'inbox']);
    expect(pagesOf('expert')).toEqual(['serious-lists', 'inbox']);
  });

  it('calls the alarm list 我的报警 for an enterprise', () => {
    const centre = (role: 'enterprise' | 'district') =>
      menuLeaves(menuFor({ role, enterpriseId: 3 })).find((m) => m.key === 'alarm-centre');
    expect(centre('enterprise')?.labelKey).toBe('nav.myAlarms');
    expect(centre('district')?.labelKey).toBe('nav.alarmCentre');
  });

  it('keeps the rules and the list generation to the city', () => {
    expect(ROLES.filter((r) => canOpenAlarmPage(r, 'settings'))).toEqual(['admin', 'city']);
    expect(ALARM_PAGE_ROLES.response).not.toContain('enterprise');
    expect(canOpenAlarmPage('operator', 'filings')).toBe(false);
  });

  it('gives every role the inbox', () => {
    for (const role of ROLES) expect(pagesOf(role), role).toContain('inbox');
  });
});

describe('selectedMenuKey', () => {
  const items = menuFor({ role: 'admin', enterpriseId: null });
  it.each([
    ['/', 'dashboard'],
    ['/enterprises', 'enterprises'],
    ['/enterprises/12', 'enterprises'],
    ['/enterprises/import', 'import'],
    ['/users', 'users'],
    ['/monitoring', 'monitoring-overview'],
    ['/monitoring/monitors', 'monitoring-monitors'],
    ['/monitoring/outlets/5', 'monitoring-monitors'],
    ['/monitoring/rates', 'monitoring-rates'],
    ['/alarms', 'alarm-centre'],
    ['/alarms/42', 'alarm-centre'],
    ['/alarms/response', 'alarm-response'],
    ['/alarms/serious-lists', 'serious-lists'],
    ['/alarms/settings', 'alarm-settings'],
    ['/filings', 'filings'],
    ['/inbox', 'inbox'],
  ])('%s → %s', (path, key) => {
    expect(selectedMenuKey(items, path)).toBe(key);
  });

  it('does not take /usersx for /users, and knows the group to open', () => {
    expect(selectedMenuKey(items, '/usersx')).toBeUndefined();
    expect(groupOf(items, 'monitoring-rates')).toBe('monitoring');
    expect(groupOf(items, 'inbox')).toBe('alarms');
    expect(groupOf(items, 'users')).toBeUndefined();
  });
});

describe('达标计划 menu', () => {
  const leaves = (role: (typeof ROLES)[number]) =>
    menuLeaves(menuFor({ role, enterpriseId: 3 })).map((m) => m.path);

  it('gives each role the compliance pages it may open, and everyone 我的待办', () => {
    for (const role of ROLES) {
      const mine = leaves(role);
      expect(mine, role).toContain('/todos');
      for (const [page, roles] of Object.entries(COMPLIANCE_PAGE_ROLES)) {
        expect(canOpenCompliancePage(role, page as CompliancePage), `${role} ${page}`).toBe(
          (roles as readonly string[]).includes(role),
        );
      }
    }
    expect(leaves('enterprise')).toEqual(
      expect.arrayContaining(['/self-checks', '/ledgers/rectification', '/plans']),
    );
    expect(leaves('enterprise')).not.toContain('/ledgers/screening');
    expect(leaves('expert')).toEqual(expect.arrayContaining(['/spot-checks', '/assessments']));
    expect(leaves('operator').some((p) => p.startsWith('/ledgers'))).toBe(false);
  });

  it('selects the rectification ledger on a problem page', () => {
    const items = menuFor({ role: 'district', enterpriseId: null });
    expect(selectedMenuKey(items, '/problems/12')).toBe('compliance-rectification');
    expect(groupOf(items, 'compliance-rectification')).toBe('compliance');
  });
});
