/**
 * Industries of the compliance programme and their batches, from the Yiyang detailed rules
 * (seed 004 二 and 四): batch 1 the nine industries screened in 2017, batch 2 the eighteen of
 * 2018 H1, batch 3 "第三批及其他行业".
 *
 * `classes` are GB/T 4754-2017 codes: a 4-digit class matches exactly, a 2- or 3-digit entry
 * matches every class under it; the longest match wins.
 */
export type ProgrammeBatch = 1 | 2 | 3;

export interface ProgrammeIndustry {
  key: string;
  zh: string;
  batch: ProgrammeBatch;
  classes: readonly string[];
}

function industry(key: string, zh: string, batch: ProgrammeBatch, classes: string): ProgrammeIndustry {
  return { key, zh, batch, classes: classes ? classes.split(' ') : [] };
}

export const PROGRAMME_INDUSTRIES: readonly ProgrammeIndustry[] = [
  industry('steel', '钢铁', 1, '3110 3120 3130 3140'),
  industry('thermal_power', '火电', 1, '4411 4412 4430'),
  industry('cement', '水泥', 1, '3011'),
  industry('coal', '煤炭', 1, '06'),
  industry('paper', '造纸', 1, '2211 2212 2221 2222 2223'),
  industry('dyeing', '印染', 1, '1713 1723 1733 1743 1752 1762'),
  industry('wastewater_plant', '污水处理厂', 1, '4620'),
  // 生活垃圾焚烧发电 is classed 4417 生物质能发电 in GB/T 4754-2017; 7820 covers municipal plants.
  industry('waste_incineration', '垃圾焚烧厂', 1, '4417 7820'),
  industry('nonferrous', '有色金属', 1, '091 092 0931 0939 321 322 3231 3239 3240 325'),
  industry('petrochemical', '石化', 2, '2511 2519'),
  industry('coking', '焦化', 2, '2521'),
  industry('battery', '电池', 2, '384'),
  industry('coal_chemical', '现代煤化工', 2, '2522 2523'),
  industry('inorganic_chemical', '无机化学', 2, '2611 2612 2613 2619'),
  // PVC resin has no class of its own (it is in 2651); set it explicitly on the enterprise.
  industry('pvc', '聚氯乙烯', 2, ''),
  industry('fertiliser', '化肥', 2, '262'),
  industry('pesticide', '农药制造', 2, '263'),
  industry('coatings_inks', '涂料油墨', 2, '264'),
  industry('synthetic_materials', '合成材料制造', 2, '265'),
  industry('specialty_chemicals', '专用化学品制造', 2, '266'),
  industry('daily_chemicals', '日用化学产品制造', 2, '268'),
  industry('pharmaceuticals', '医药制造', 2, '27'),
  industry('chemical_fibre', '化学纤维制造', 2, '28'),
  industry('electroplating', '电镀', 2, '3360'),
  industry('agri_food', '农副食品加工', 2, '13'),
  industry('food', '食品制造', 2, '14'),
  industry('beverages', '酒及饮料制造', 2, '15'),
  industry('apparel', '服装', 3, '18'),
  industry('leather', '制革', 3, '1910 1931'),
  industry('feather_shoes', '羽毛（绒）加工及制鞋', 3, '194 195'),
  industry('wood_panels', '人造板', 3, '202'),
  industry('furniture', '家具制造', 3, '21'),
  industry('printing', '印刷', 3, '231'),
  industry('rubber_plastics', '橡胶和塑料制品', 3, '29'),
  industry('flat_glass', '平板玻璃', 3, '3041'),
  industry('ceramics_bricks', '陶瓷砖瓦', 3, '3031 307'),
  industry('graphite_carbon', '石墨及碳素制品制造', 3, '3091'),
  industry('foundry', '铸造', 3, '3391 3392'),
  industry('rare_earth', '稀土', 3, '0932 3232'),
  industry('auto', '汽车制造', 3, '36'),
  industry('transport_equipment', '铁路船舶航空航天制造', 3, '371 373 374'),
  industry('electronics', '电子', 3, '397 398'),
  industry('livestock', '规模以上畜禽养殖', 3, '031 032'),
];

const BY_KEY = new Map(PROGRAMME_INDUSTRIES.map((p) => [p.key, p]));

const BY_PREFIX = new Map<string, ProgrammeIndustry>();
for (const p of PROGRAMME_INDUSTRIES) for (const c of p.classes) BY_PREFIX.set(c, p);

export function programmeIndustry(key: string): ProgrammeIndustry | undefined {
  return BY_KEY.get(key);
}

/** The programme industry a GB/T 4754 class belongs to, or undefined when it is outside. */
export function programmeIndustryOf(industryCode: string): ProgrammeIndustry | undefined {
  if (!/^\d{4}$/.test(industryCode)) return undefined;
  return (
    BY_PREFIX.get(industryCode) ??
    BY_PREFIX.get(industryCode.slice(0, 3)) ??
    BY_PREFIX.get(industryCode.slice(0, 2))
  );
}
