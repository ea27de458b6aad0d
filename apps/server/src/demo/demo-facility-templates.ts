/** A treatment facility an outlet of some template usually has. */
export interface FacilityTemplate {
  name: string;
  process: string;
  /** Capacity text with `{n}` replaced by a number drawn from `range`. */
  capacity: string;
  range: [number, number];
}

const f = (name: string, process: string, capacity: string, range: [number, number]): FacilityTemplate => ({
  name,
  process,
  capacity,
  range,
});

/** Treatment facilities of the demo city, named as permits and self-check forms name them. */
export const FACILITIES = {
  fgd: f('石灰石-石膏湿法脱硫', '湿法脱硫', '处理烟气量{n}万m³/h', [80, 220]),
  scr: f('SCR脱硝', '选择性催化还原', '处理烟气量{n}万m³/h', [80, 220]),
  sncr: f('SNCR脱硝', '选择性非催化还原', '处理烟气量{n}万m³/h', [20, 60]),
  bag: f('布袋除尘器', '袋式除尘', '处理风量{n}万m³/h', [2, 40]),
  esp: f('电袋复合除尘器', '电袋复合除尘', '处理烟气量{n}万m³/h', [80, 220]),
  dualAlkali: f('双碱法脱硫塔', '双碱法脱硫', '处理烟气量{n}万m³/h', [1, 8]),
  activatedCarbon: f('活性炭吸附装置', '活性炭吸附', '处理风量{n}万m³/h', [1, 6]),
  rto: f('沸石转轮+RTO', '吸附浓缩+蓄热燃烧', '处理风量{n}万m³/h', [2, 8]),
  scrubber: f('碱液喷淋塔', '碱液喷淋吸收', '处理风量{n}万m³/h', [1, 4]),
  incineratorGas: f('SNCR+半干法脱酸+活性炭喷射+布袋除尘', '烟气净化', '处理烟气量{n}万m³/h', [6, 12]),
  wwtp: f('A²/O+深度处理', '生物脱氮除磷+混凝沉淀过滤', '设计规模{n}万m³/d', [1, 8]),
  paperWater: f('废水处理站', '物化+厌氧+好氧+深度处理', '设计规模{n}m³/d', [2000, 20000]),
  dyeingWater: f('印染废水处理站', '调节+水解酸化+接触氧化+混凝沉淀', '设计规模{n}m³/d', [500, 5000]),
  industrialWater: f('污水处理站', '调节+混凝沉淀+生化处理', '设计规模{n}m³/d', [50, 1500]),
  leachate: f('渗滤液处理站', 'MBR+纳滤+反渗透', '设计规模{n}m³/d', [150, 400]),
} satisfies Record<string, FacilityTemplate>;
