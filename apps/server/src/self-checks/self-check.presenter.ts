import type { SelfCheckApplicability } from '@dabiao/domain';
import type { SelfCheckRecord } from './self-check.repository';
import type { SelfCheckSummary, SelfCheckView } from './self-check.schemas';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSelfCheckSummary(r: SelfCheckRecord): SelfCheckSummary {
  const review = (r.review ?? null) as Record<string, unknown> | null;
  return {
    id: r.id,
    campaignId: r.campaign_id,
    campaignName: r.campaign_name,
    campaignYear: Number(String(r.campaign_starts_on).slice(0, 4)),
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionCode: r.region_code,
    regionName: r.region_name ?? null,
    versionNo: r.version_no,
    status: r.status,
    filledByName: r.filled_by_name,
    submittedAt: iso(r.submitted_at),
    reviewerName: r.reviewer_name,
    reviewedAt: iso(r.reviewed_at),
    decision: typeof review?.decision === 'string' ? review.decision : null,
    returnReason: typeof review?.reason === 'string' ? review.reason : null,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
    version: r.version,
  };
}

export function applicabilityOf(prefill: Record<string, unknown>): SelfCheckApplicability {
  const a = (prefill.applicability ?? {}) as Partial<SelfCheckApplicability>;
  return { water: a.water === true, air: a.air === true, online: a.online === true };
}

export function presentSelfCheck(r: SelfCheckRecord): SelfCheckView {
  return {
    ...presentSelfCheckSummary(r),
    content: r.content,
    prefill: r.prefill,
    applicability: applicabilityOf(r.prefill),
    review: (r.review ?? null) as Record<string, unknown> | null,
    latestVersionNo: Number(r.latest_version_no ?? r.version_no),
  };
}
