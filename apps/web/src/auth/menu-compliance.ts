import type { Role } from '../api/types';
import type { MenuItem } from './menu';

/** Who opens each page of 达标计划 (the server keeps each user to the records in scope). */
export const COMPLIANCE_PAGE_ROLES = {
  campaigns: ['admin', 'city', 'district', 'grid', 'department', 'expert'],
  selfChecks: ['admin', 'city', 'district', 'grid', 'enterprise', 'expert'],
  spotChecks: ['admin', 'city', 'district', 'expert'],
  screening: ['admin', 'city', 'district', 'grid'],
  rectification: ['admin', 'city', 'district', 'grid', 'enterprise'],
  plans: ['admin', 'city', 'district', 'enterprise'],
  reports: ['admin', 'city', 'district'],
  assessments: ['admin', 'city', 'district', 'expert'],
} as const satisfies Record<string, readonly Role[]>;
export type CompliancePage = keyof typeof COMPLIANCE_PAGE_ROLES;
export const canOpenCompliancePage = (role: Role, page: CompliancePage) =>
  (COMPLIANCE_PAGE_ROLES[page] as readonly Role[]).includes(role);

const PAGES: ReadonlyArray<{ page: CompliancePage; path: string; labelKey: string; alsoSelects?: string[] }> =
  [
    { page: 'campaigns', path: '/campaigns', labelKey: 'nav.campaigns' },
    { page: 'selfChecks', path: '/self-checks', labelKey: 'nav.selfChecks' },
    { page: 'spotChecks', path: '/spot-checks', labelKey: 'nav.spotChecks' },
    { page: 'screening', path: '/ledgers/screening', labelKey: 'nav.screeningLedger' },
    {
      page: 'rectification',
      path: '/ledgers/rectification',
      labelKey: 'nav.rectificationLedger',
      alsoSelects: ['/problems'],
    },
    { page: 'plans', path: '/plans', labelKey: 'nav.plans' },
    { page: 'reports', path: '/reports', labelKey: 'nav.reports' },
    { page: 'assessments', path: '/assessments', labelKey: 'nav.assessments' },
  ];

/** 达标计划: campaigns, the self-check form, spot checks, the ledgers and sign-off, plans, reports. */
export function complianceGroup(role: Role): MenuItem | undefined {
  const children = PAGES.filter((p) => canOpenCompliancePage(role, p.page)).map(
    ({ page, path, labelKey, alsoSelects }) => ({
      key: `compliance-${page}`,
      path,
      labelKey: role === 'enterprise' && page === 'rectification' ? 'nav.myProblems' : labelKey,
      ...(alsoSelects ? { alsoSelects } : {}),
    }),
  );
  return children.length
    ? { key: 'compliance', path: '/campaigns', labelKey: 'nav.compliance', children }
    : undefined;
}

/** 我的待办: every user's dated obligations. */
export const TODO_ITEM: MenuItem = { key: 'todos', path: '/todos', labelKey: 'nav.todos' };
