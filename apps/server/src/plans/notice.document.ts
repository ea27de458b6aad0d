import { chineseDate } from '@dabiao/domain';
import { docx, para, table, title } from '../platform/documents/word';
import type { NoticeView } from './plan.schemas';

/** The 限期整改通知书 as a Word document. */
export async function noticeDocument(n: NoticeView): Promise<Buffer> {
  return docx([
    title('限期整改通知书'),
    para(n.number, { align: 'center' }),
    para(`${n.enterpriseName}：`),
    para('经查，你单位存在下列环境问题：'),
    table(
      [
        ['序号', '问题类型', '问题描述', '发现日期'],
        ...n.problems.map((x, i) => [String(i + 1), x.problemType, x.description, chineseDate(x.foundOn)]),
      ],
      { headerRows: 1 },
    ),
    para(
      `根据排污许可管理的有关规定（整改期限原则上为三个月至一年），现责令你单位自${chineseDate(n.issuedOn)}起${n.periodMonths}个月内，即于${chineseDate(n.dueOn)}前完成整改，并将整改情况书面报送我局。`,
    ),
    para(n.requirements, { label: '整改要求：' }),
    para('逾期未完成整改的，我局将依法予以处理。'),
    para(''),
    para(n.issuerName, { align: 'right' }),
    para(chineseDate(n.issuedOn), { align: 'right' }),
  ]);
}
