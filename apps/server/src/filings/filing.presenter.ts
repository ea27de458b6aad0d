import type { FilingRecord } from './filing.repository';
import type { FilingView } from './filing.schemas';

const iso = (d: Date | string) => new Date(d).toISOString();

export function presentFiling(r: FilingRecord): FilingView {
  return {
    id: r.id,
    enterpriseId: r.enterprise_id,
    enterpriseName: r.enterprise_name,
    regionCode: r.region_code,
    outletId: r.outlet_id,
    outletName: r.outlet_name,
    kind: r.kind,
    startsAt: iso(r.starts_at),
    endsAt: iso(r.ends_at),
    reason: r.reason,
    evidence: r.evidence,
    attachmentName: r.attachment_name,
    status: r.status,
    submittedBy: r.submitted_by,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at ? iso(r.decided_at) : null,
    decisionNote: r.decision_note,
    createdAt: iso(r.created_at),
    version: r.version,
  };
}
