// The quarterly list of seriously exceeding enterprises: which quarter to generate, the review's edits.
import type { SeriousEntry } from '../../api/alarms';
import { dayjs, ZONE } from '../../utils/time';

/** The quarter before the one `now` is in (the one a city reviews), Shanghai time. */
export function previousQuarter(now: Date): { year: number; quarter: number } {
  const d = dayjs(now).tz(ZONE);
  const q = Math.floor(d.month() / 3) + 1;
  return q === 1 ? { year: d.year() - 1, quarter: 4 } : { year: d.year(), quarter: q - 1 };
}

export interface EntryEdit {
  included: boolean;
  note: string;
}

/** The review's starting point: what the list says now. */
export const initialEdits = (entries: readonly SeriousEntry[]): Record<number, EntryEdit> =>
  Object.fromEntries(
    entries.map((e) => [e.enterpriseId, { included: e.included, note: e.reviewNote ?? '' }]),
  );

export interface ReviewBody {
  entries: { enterpriseId: number; included: boolean; note?: string }[];
  /** Enterprises excluded without a reason (the server refuses them). */
  missingNotes: number[];
}

/** POST /serious-lists/:id/review's entries; an excluded enterprise needs a note. */
export function reviewBody(entries: readonly SeriousEntry[], edits: Record<number, EntryEdit>): ReviewBody {
  const missingNotes: number[] = [];
  const rows = entries.map((e) => {
    const edit = edits[e.enterpriseId] ?? { included: e.included, note: e.reviewNote ?? '' };
    const note = edit.note.trim();
    if (!edit.included && !note) missingNotes.push(e.enterpriseId);
    return { enterpriseId: e.enterpriseId, included: edit.included, ...(note ? { note } : {}) };
  });
  return { entries: rows, missingNotes };
}

export const includedCount = (entries: readonly SeriousEntry[], edits: Record<number, EntryEdit>): number =>
  entries.filter((e) => (edits[e.enterpriseId] ?? e).included).length;
