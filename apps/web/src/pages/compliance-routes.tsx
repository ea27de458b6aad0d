import { lazy, type ReactElement } from 'react';
import { ROLES, type Role } from '../api/types';
import { COMPLIANCE_PAGE_ROLES } from '../auth/menu-compliance';

const CampaignsPage = lazy(() => import('./campaigns/CampaignsPage'));
const CampaignDetailPage = lazy(() => import('./campaigns/CampaignDetailPage'));
const SpotChecksPage = lazy(() => import('./spot-checks/SpotChecksPage'));
const SelfCheckListPage = lazy(() => import('./self-checks/SelfCheckListPage'));
const SelfCheckFormPage = lazy(() => import('./self-checks/SelfCheckFormPage'));
const ScreeningLedgerPage = lazy(() => import('./ledgers/ScreeningLedgerPage'));
const RectificationLedgerPage = lazy(() => import('./ledgers/RectificationLedgerPage'));
const ProblemDetailPage = lazy(() => import('./ledgers/ProblemDetailPage'));
const PlansPage = lazy(() => import('./plans/PlansPage'));
const ReportsPage = lazy(() => import('./reports/ReportsPage'));
const AssessmentsPage = lazy(() => import('./assessments/AssessmentsPage'));
const AssessmentDetailPage = lazy(() => import('./assessments/AssessmentDetailPage'));
const TodoPage = lazy(() => import('./todos/TodoPage'));

const R = COMPLIANCE_PAGE_ROLES;

/** The pages of 达标计划 and 我的待办: path, who may open it, the page. */
export const COMPLIANCE_ROUTES: ReadonlyArray<readonly [string, readonly Role[], ReactElement]> = [
  ['campaigns', R.campaigns, <CampaignsPage key="campaigns" />],
  ['campaigns/:id', R.campaigns, <CampaignDetailPage key="campaign" />],
  ['spot-checks', R.spotChecks, <SpotChecksPage key="spot-checks" />],
  ['self-checks', R.selfChecks, <SelfCheckListPage key="self-checks" />],
  ['self-checks/:id', R.selfChecks, <SelfCheckFormPage key="self-check" />],
  ['ledgers/screening', R.screening, <ScreeningLedgerPage key="screening" />],
  ['ledgers/rectification', R.rectification, <RectificationLedgerPage key="rectification" />],
  ['problems/:id', R.rectification, <ProblemDetailPage key="problem" />],
  ['plans', R.plans, <PlansPage key="plans" />],
  ['reports', R.reports, <ReportsPage key="reports" />],
  ['assessments', R.assessments, <AssessmentsPage key="assessments" />],
  ['assessments/:id', R.assessments, <AssessmentDetailPage key="assessment" />],
  ['todos', ROLES, <TodoPage key="todos" />],
];
