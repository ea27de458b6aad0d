import {
  SELF_CHECK_REVIEW_SECTION,
  SELF_CHECK_SECTIONS,
  type SelfCheckApplies,
  type SelfCheckField,
  type SelfCheckFormTable,
} from './form';

export type SelfCheckStatus = 'draft' | 'submitted' | 'approved' | 'returned';
export type SelfCheckDecision = 'approve' | 'return';

/** The form's content: objects and row arrays at the pointers of SELF_CHECK_SECTIONS. */
export type SelfCheckContent = Record<string, unknown>;

/** What the registry says about the enterprise when the form is started: which blocks apply. */
export interface SelfCheckApplicability {
  water: boolean;
  air: boolean;
  online: boolean;
}

export interface SelfCheckError {
  /** JSON pointer: `/content/permits/disclosureProblems`, `/content/water/facilities/0/destination`, `/signerName`. */
  path: string;
  message: string;
  code: 'REQUIRED' | 'ANSWER_REQUIRED' | 'EXPLANATION_REQUIRED' | 'ROWS_REQUIRED' | 'INVALID';
}

/** Reads the value at a JSON pointer (`/a/b/0`); undefined when any step is missing. */
export function selfCheckValueAt(content: unknown, pointer: string): unknown {
  let cur: unknown = content;
  for (const part of pointer.split('/').filter(Boolean)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

const isBlank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '') || Number.isNaN(v);

const applies = (when: SelfCheckApplies | 'never', a: SelfCheckApplicability) =>
  when === 'always' || (when !== 'never' && a[when]);

const quote = (label: string) => `「${label}」`;

/** Errors of one field (and its explanation) of the object at `base`; `where` prefixes the message. */
function checkField(
  f: SelfCheckField,
  obj: unknown,
  base: string,
  where: string,
  errors: SelfCheckError[],
  requireAll: boolean,
): void {
  const v = selfCheckValueAt(obj, f.key);
  const path = `${base}/${f.key}`;
  if (f.kind === 'yesNo') {
    if (v !== true && v !== false) {
      if (requireAll && f.required) {
        errors.push({ path, message: `${where}${quote(f.label)}未选择“是”或“否”`, code: 'ANSWER_REQUIRED' });
      }
      return;
    }
    if (f.explain && v === (f.explain.when === 'yes') && isBlank(selfCheckValueAt(obj, f.explain.key))) {
      errors.push({
        path: `${base}/${f.explain.key}`,
        message: `${where}${quote(f.label)}选“${f.explain.when === 'yes' ? '是' : '否'}”，${f.explain.label.replace(/^若选[“"‘]?[是否][”"’]?[,，]\s*/, '')}`,
        code: 'EXPLANATION_REQUIRED',
      });
    }
    return;
  }
  if (requireAll && f.required && isBlank(v)) {
    errors.push({ path, message: `${where}${quote(f.label)}不能为空`, code: 'REQUIRED' });
  }
}

function checkTable(
  t: SelfCheckFormTable,
  content: SelfCheckContent,
  a: SelfCheckApplicability,
  errors: SelfCheckError[],
): void {
  const rows = selfCheckValueAt(content, t.path);
  const list = Array.isArray(rows) ? rows : [];
  const base = `/content${t.path}`;
  if (rows !== undefined && !Array.isArray(rows)) {
    errors.push({ path: base, message: `${quote(t.heading)}格式有误`, code: 'INVALID' });
    return;
  }
  if (list.length === 0 && applies(t.minRowsWhen, a)) {
    errors.push({
      path: base,
      message: `${quote(t.heading)}至少填写一行`,
      code: 'ROWS_REQUIRED',
    });
  }
  list.forEach((row, i) => {
    for (const c of t.columns) {
      checkField(c, row, `${base}/${i}`, `${quote(t.heading)}第${i + 1}行`, errors, true);
    }
  });
}

/**
 * Everything that stops a self-check form from being submitted: required fields, the "若选‘否’, 说明…"
 * explanations, at least one row in the water/air tables when the enterprise has such outlets, the signer.
 * Blocks that do not apply (no online monitoring) are checked only for explanations of given answers.
 */
export function validateSelfCheckSubmission(
  content: SelfCheckContent,
  applicability: SelfCheckApplicability,
  signerName: string | null | undefined,
): SelfCheckError[] {
  const errors: SelfCheckError[] = [];
  for (const section of SELF_CHECK_SECTIONS) {
    for (const block of section.blocks) {
      if (block.kind === 'table') {
        checkTable(block, content, applicability, errors);
        continue;
      }
      const obj = selfCheckValueAt(content, block.path);
      const requireAll = applies(block.appliesWhen, applicability);
      for (const f of block.fields) {
        checkField(f, obj, `/content${block.path}`, '', errors, requireAll);
      }
    }
  }
  if (isBlank(signerName)) {
    errors.push({
      path: '/signerName',
      message: '「填报人(签字, 盖公章)」不能为空',
      code: 'REQUIRED',
    });
  }
  return errors;
}

export interface SelfCheckReviewInput {
  decision: SelfCheckDecision | string;
  review: Record<string, unknown>;
  reviewerName?: string | null;
  reason?: string | null;
}

/** A review needs all four items of section 五, the reviewer's name, a verdict, and a reason to return. */
export function validateSelfCheckReview(input: SelfCheckReviewInput): SelfCheckError[] {
  const errors: SelfCheckError[] = [];
  if (input.decision !== 'approve' && input.decision !== 'return') {
    errors.push({ path: '/decision', message: '审核结论须为“通过”或“退回”', code: 'INVALID' });
  }
  for (const f of SELF_CHECK_REVIEW_SECTION.fields) {
    if (isBlank(input.review?.[f.key])) {
      errors.push({
        path: `/review/${f.key}`,
        message: `${quote(f.label)}不能为空`,
        code: 'REQUIRED',
      });
    }
  }
  if (isBlank(input.reviewerName)) {
    errors.push({ path: '/reviewerName', message: '「审核人(签字, 盖公章)」不能为空', code: 'REQUIRED' });
  }
  if (input.decision === 'return' && isBlank(input.reason)) {
    errors.push({ path: '/reason', message: '退回须说明理由', code: 'REQUIRED' });
  }
  return errors;
}

/** Only a draft can be edited or submitted; a submitted version is immutable. */
export const canEditSelfCheck = (status: SelfCheckStatus) => status === 'draft';
export const canReviewSelfCheck = (status: SelfCheckStatus) => status === 'submitted';
/** A new version may follow a returned, submitted or approved one (never a draft). */
export const canReviseSelfCheck = (status: SelfCheckStatus) => status !== 'draft';
