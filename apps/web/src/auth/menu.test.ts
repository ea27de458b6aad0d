import { describe, expect, it } from 'vitest';
import { ROLES } from '../api/types';
import { canCommand, groupOf, homePath, menuFor, menuLeaves, selectedMenuKey } from './menu';

describe('menuFor', () => {
  it('gives users admin to the administrator only', () => {
    for (const role of ROLES) {
      const keys = menuFor({ role, enterpriseId: null }).map((m) => m.key);
      expect(keys.includes('users'), role).toBe(role === 'admin');
    }
  });

  it('shows enterprise users their own record and its monitoring', () => {
    expect(menuFor({ role: 'enterprise', enterpriseId: 7 }).map((m) => m.key)).toEqual(['my', 'monitoring']);
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
      'enterprises',
      'import',
      'monitoring',
    ]);
    expect(menuFor({ role: 'grid', enterpriseId: null }).map((m) => m.key)).toEqual([
      'dashboard',
      'enterprises',
      'monitoring',
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
  ])('%s → %s', (path, key) => {
    expect(selectedMenuKey(items, path)).toBe(key);
  });

  it('does not take /usersx for /users, and knows the group to open', () => {
    expect(selectedMenuKey(items, '/usersx')).toBeUndefined();
    expect(groupOf(items, 'monitoring-rates')).toBe('monitoring');
    expect(groupOf(items, 'users')).toBeUndefined();
  });
});
