import { SIGN_OFF_FORM as F, formatShanghai } from '@dabiao/domain';
import { type CellInput, docx, para, table, title } from '../platform/documents/word';
import { problemTypeZh } from './ledger.presenter';
import type { ProblemRecord, SignOffRecord } from './problem.repository';

const dateZh = (d: Date | string | null) => {
  if (!d) return '';
  const [y, m, day] = formatShanghai(new Date(d)).slice(0, 10).split('-');
  return `${y}年${Number(m)}月${Number(day)}日`;
};

/** 004 附件4 工业污染源达标计划完成整治销号表 of one sign-off round. */
export async function signOffFormDocx(problem: ProblemRecord, round: SignOffRecord): Promise<Buffer> {
  const evidence = (typeof round.evidence === 'string' ? JSON.parse(round.evidence) : round.evidence) as {
    name: string;
    note?: string;
  }[];
  const label = (text: string): CellInput => ({ text, bold: true, width: 3 });
  const wide = (text: string): CellInput => ({ text, colSpan: 3 });
  const completion = [
    round.completion,
    evidence.length
      ? `整改证据：${evidence.map((e) => (e.note ? `${e.name}（${e.note}）` : e.name)).join('；')}`
      : '',
  ]
    .filter(Boolean)
    .join('\n');
  const rows: CellInput[][] = [
    [label(F.enterpriseName), wide(problem.enterprise_name)],
    [label(F.creditCode), wide(problem.credit_code)],
    [label(F.problem), wide(`${problemTypeZh(problem.problem_type)}：${problem.description}`)],
    [label(F.measures), wide(round.measures_taken)],
    [label(F.completion), wide(completion)],
    [label(F.districtOpinion), wide(round.district_opinion ?? '')],
    [
      label(`${F.verifier}${F.seal}`),
      round.district_verifier ?? '',
      { text: F.verifiedOn, bold: true },
      dateZh(round.district_verified_at),
    ],
    [label(F.cityOpinion), wide(round.city_opinion ?? '')],
    [
      label(`${F.verifier}${F.seal}`),
      round.city_verifier ?? '',
      { text: F.verifiedOn, bold: true },
      dateZh(round.city_verified_at),
    ],
  ];
  return docx([
    title(F.title),
    para(round.applicant_name, { label: `${F.filledBy}：` }),
    para(dateZh(round.applied_at), { label: `${F.filledAt}：` }),
    para(`第 ${round.round} 轮销号申请`, { align: 'right' }),
    table(rows),
  ]);
}
