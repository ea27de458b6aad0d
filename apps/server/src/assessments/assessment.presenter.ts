import type { Section } from '@dabiao/domain';
import { programmeIndustry } from '@dabiao/domain';
import type { Selectable } from 'kysely';
import type { AssessmentReportTable } from '../platform/db/schema-compliance';
import type { AssessmentView } from './assessment.schemas';

export type AssessmentRow = Selectable<AssessmentReportTable> & { region_name: string | null };

/** The sections column holds `{ list: Section[] }`. */
export const sectionsOfRow = (row: Pick<AssessmentRow, 'sections'>): Section[] =>
  ((row.sections as { list?: Section[] }).list ?? []).map((s) => ({
    key: s.key,
    heading: s.heading,
    text: s.text,
  }));

export function presentAssessmentSummary(row: AssessmentRow) {
  return {
    id: row.id,
    kind: row.kind,
    scope: row.scope,
    regionCode: row.region_code,
    regionName: row.region_name ?? row.region_code,
    industry: row.industry,
    industryName: row.industry ? (programmeIndustry(row.industry)?.zh ?? row.industry) : null,
    campaignId: row.campaign_id,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    title: row.title,
    status: row.status,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function presentAssessment(row: AssessmentRow): AssessmentView {
  return {
    ...presentAssessmentSummary(row),
    figures: row.figures as Record<string, unknown>,
    sections: sectionsOfRow(row),
  };
}
