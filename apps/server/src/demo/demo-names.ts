import type { Prng } from './prng';

// Frequent Hunan surnames, weighted roughly by how common they are locally.
const SURNAMES = '刘李王陈张彭曾周罗谭龚邓胡黄熊夏汤蔡杨郭肖何贺喻毛文莫符匡蒋钟姚卢袁谢戴吴'.split('');
const SURNAME_WEIGHTS = SURNAMES.map((_, i) => (i < 6 ? 6 : i < 16 ? 3 : 1));
const GIVEN =
  '建国伟军志强明华勇红英平辉丽芳文斌杰涛军敏燕峰波超磊静娟霞鹏宇浩婷亮俊海云飞春秋德安龙凤桂兰清雄'.split(
    '',
  );

/** A plausible Chinese personal name: surname + one or two given characters. */
export function personName(prng: Prng): string {
  const surname = prng.weighted(SURNAMES, SURNAME_WEIGHTS);
  const given = prng.chance(0.7) ? prng.pick(GIVEN) + prng.pick(GIVEN) : prng.pick(GIVEN);
  return surname + given;
}

// Mobile number prefixes of the three carriers.
const MOBILE_PREFIXES = [
  '130',
  '131',
  '133',
  '135',
  '136',
  '138',
  '139',
  '150',
  '151',
  '152',
  '158',
  '173',
  '177',
  '180',
  '182',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** An 11-digit mainland mobile number. */
export function mobilePhone(prng: Prng): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += String(prng.int(0, 9));
  return prng.pick(MOBILE_PREFIXES) + tail;
}

// 字号 (trade names) as Chinese companies choose them: auspicious two-character words.
const TRADE_NAMES = [
  '鑫达',
  '华晨',
  '恒泰',
  '宏发',
  '金源',
  '兴旺',
  '永盛',
  '瑞丰',
  '联创',
  '国泰',
  '天成',
  '富民',
  '长青',
  '新宇',
  '中南',
  '明珠',
  '益华',
  '银城',
  '资江',
  '洞庭',
  '梓山',
  '会龙',
  '碧云',
  '桃花',
  '安泰',
  '宏远',
  '宇通',
  '振兴',
  '嘉禾',
  '润丰',
  '佳美',
  '星辉',
  '金穗',
  '丰源',
  '华盛',
  '鸿运',
  '广源',
  '德润',
  '三友',
  '百川',
  '湘益',
  '奥林',
  '凯达',
  '顺发',
  '利民',
  '绿源',
  '博远',
  '汇丰',
  '锦程',
  '金桥',
  '康达',
  '远大',
  '诚信',
  '正大',
  '昌盛',
  '荣华',
  '天宇',
  '万象',
  '九华',
  '龙腾',
  '创新',
  '和顺',
  '湘中',
  '景润',
  '恒通',
];

const FORMS = ['有限公司', '有限公司', '有限公司', '有限责任公司', '股份有限公司'];

/**
 * A unique company name such as '益阳市鑫达纸业有限公司'. `used` collects names already taken;
 * a numeric-free alternative trade name is drawn until the name is new.
 */
export function companyName(prng: Prng, place: string, trade: string, used: Set<string>): string {
  for (let attempt = 0; attempt < 200; attempt++) {
    const word = attempt < 100 ? prng.pick(TRADE_NAMES) : prng.pick(TRADE_NAMES) + prng.pick(GIVEN);
    const name = `${place}${word}${trade}${prng.pick(FORMS)}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error(`no free company name for ${place}${trade}`);
}

const ROADS = [
  '工业大道',
  '兴业路',
  '创业路',
  '康富路',
  '银城大道',
  '迎宾路',
  '梓山路',
  '会龙路',
  '龙岭大道',
  '长春路',
  '东部新区大道',
  '桃花仑路',
  '五一路',
  '秀峰路',
  '金山路',
  '人民路',
  '环城路',
  '建设路',
  '滨江路',
  '朝阳路',
];

/** A street address below a township: road and number. */
export function streetAddress(prng: Prng): string {
  return `${prng.pick(ROADS)}${prng.int(1, 399)}号`;
}

/** A `YYYY-MM-DD` date between two years, inclusive (day ≤ 28, so always valid). */
export function dateBetween(prng: Prng, fromYear: number, toYear: number): string {
  const y = prng.int(fromYear, toYear);
  const m = String(prng.int(1, 12)).padStart(2, '0');
  const d = String(prng.int(1, 28)).padStart(2, '0');
  return `${y}-${m}-${d}`;
}
