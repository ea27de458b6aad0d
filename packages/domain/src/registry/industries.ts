import { INDUSTRY_CLASSES_HEAVY } from './industry-classes-heavy';
import { INDUSTRY_CLASSES_LIGHT } from './industry-classes-light';

/** GB/T 4754-2017 divisions 大类 of the classes we carry. */
export const INDUSTRY_DIVISIONS: Readonly<Record<string, string>> = {
  '03': '畜牧业',
  '06': '煤炭开采和洗选业',
  '09': '有色金属矿采选业',
  '13': '农副食品加工业',
  '14': '食品制造业',
  '15': '酒、饮料和精制茶制造业',
  '17': '纺织业',
  '18': '纺织服装、服饰业',
  '19': '皮革、毛皮、羽毛及其制品和制鞋业',
  '20': '木材加工和木、竹、藤、棕、草制品业',
  '21': '家具制造业',
  '22': '造纸和纸制品业',
  '23': '印刷和记录媒介复制业',
  '25': '石油、煤炭及其他燃料加工业',
  '26': '化学原料和化学制品制造业',
  '27': '医药制造业',
  '28': '化学纤维制造业',
  '29': '橡胶和塑料制品业',
  '30': '非金属矿物制品业',
  '31': '黑色金属冶炼和压延加工业',
  '32': '有色金属冶炼和压延加工业',
  '33': '金属制品业',
  '36': '汽车制造业',
  '37': '铁路、船舶、航空航天和其他运输设备制造业',
  '38': '电气机械和器材制造业',
  '39': '计算机、通信和其他电子设备制造业',
  '44': '电力、热力生产和供应业',
  '46': '水的生产和供应业',
  '77': '生态保护和环境治理业',
  '78': '公共设施管理业',
};

export interface IndustryClass {
  /** 4-digit class code 小类, e.g. '2221'. */
  code: string;
  name: string;
  /** 2-digit division code 大类, e.g. '22'. */
  division: string;
  divisionName: string;
}

function parse(table: string): IndustryClass[] {
  return table
    .trim()
    .split('\n')
    .map((line) => {
      const [code = '', name = ''] = line.split(' ');
      const division = code.slice(0, 2);
      return { code, name, division, divisionName: INDUSTRY_DIVISIONS[division] ?? '' };
    });
}

/** Every class we carry, in code order. */
export const INDUSTRY_CLASSES: readonly IndustryClass[] = [
  ...parse(INDUSTRY_CLASSES_LIGHT),
  ...parse(INDUSTRY_CLASSES_HEAVY),
];

const BY_CODE = new Map(INDUSTRY_CLASSES.map((c) => [c.code, c]));

export function industryClass(code: string): IndustryClass | undefined {
  return BY_CODE.get(code);
}

/** The zh name of a 4-digit class, or of a 2-digit division; undefined when unknown. */
export function industryName(code: string): string | undefined {
  return code.length === 2 ? INDUSTRY_DIVISIONS[code] : BY_CODE.get(code)?.name;
}
