// 报备: who may do what with a filing on the list, and the create form's body.

import type { Dayjs } from 'dayjs';
import type { Filing, FilingCreate, FilingKind, FilingStatus } from '../../api/alarms';
import { FILING_STATUSES } from '../../api/alarms';
import type { Role } from '../../api/types';

export type FilingAction = 'approve' | 'reject' | 'withdraw';

/** Bureaus decide on submitted filings; the enterprise that filed may withdraw one not yet decided. */
export function filingActions(
  filing: Pick<Filing, 'status' | 'enterpriseId'>,
  user: { role: Role; enterpriseId: number | null },
): FilingAction[] {
  if (filing.status !== 'submitted') return [];
  if (user.role === 'enterprise') return user.enterpriseId === filing.enterpriseId ? ['withdraw'] : [];
  return ['admin', 'city', 'district'].includes(user.role) ? ['approve', 'reject'] : [];
}

export const canFile = (user: { role: Role; enterpriseId: number | null }) =>
  user.role === 'enterprise' && user.enterpriseId !== null;

export const FILING_STATUS_COLORS: Record<FilingStatus, string> = {
  submitted: 'gold',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
};

export interface FilingFormValues {
  outletId?: number | null;
  kind: FilingKind;
  period: [Dayjs, Dayjs];
  reason: string;
  evidence?: string;
}

/** The form's values as POST /filings takes them; no outlet means every outlet of the enterprise. */
export function filingBody(values: FilingFormValues): FilingCreate {
  const [start, end] = values.period;
  const evidence = values.evidence?.trim();
  return {
    outletId: values.outletId ?? null,
    kind: values.kind,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    reason: values.reason.trim(),
    ...(evidence ? { evidence } : {}),
  };
}

/** The status filter from the URL, when it is one. */
export const parseFilingStatus = (value: string | null): FilingStatus | undefined =>
  (FILING_STATUSES as readonly string[]).includes(value ?? '') ? (value as FilingStatus) : undefined;
