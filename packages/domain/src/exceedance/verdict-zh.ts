import { formatNumber as n, unitSuffix } from '../limits/describe';
import type { ComparedLimit } from '../limits/resolution';
import type { LimitValue } from '../limits/types';
import type { Judged } from './types';
import { periodLabel, type VerdictPhrases } from './verdict-facts';

const AVG = { hour: '小时均值', day: '日均值', instant: '瞬时值' } as const;
const SPECIAL = { special: '特别排放限值', 'ultra-low': '超低排放限值' } as const;

const refO2 = (r: number | null) => (r === null ? '' : `（基准氧含量 ${n(r)}%）`);
/** `100 mg/m³` or `6～9`, as Chinese documents write limits. */
const limitZh = (v: LimitValue, unit: string) =>
  v.kind === 'max' ? `${n(v.max)}${unitSuffix(unit)}` : `${n(v.lo)}～${n(v.hi)}${unitSuffix(unit)}`;
const compared = (c: ComparedLimit) => {
  const source = c.origin === 'permit' ? `排污许可证 ${c.sourceCode}` : c.sourceCode;
  const kind = c.special ? SPECIAL[c.special] : '限值';
  return `${source} ${kind} ${limitZh(c.value, c.unit)}${refO2(c.referenceO2)}`;
};
/** "连续 3 个" for a run, "1 个" for a single period. */
const count = (k: number) => (k === 1 ? '1 个' : `连续 ${k} 个`);

function multipleText(p: Judged): string {
  if (p.multiple === null || p.excess === null) return '';
  return `，为限值的 ${n(p.multiple)} 倍（超标 ${n(p.excess)} 倍）`;
}

function rangeText(p: Judged): string {
  const v = p.limit.value;
  if (v.kind !== 'range' || !p.outside) return '';
  return p.outside.side === 'below'
    ? `，低于限值下限 ${n(v.lo)}，差 ${n(p.outside.distance)}`
    : `，高于限值上限 ${n(v.hi)}，超出 ${n(p.outside.distance)}`;
}

export const ZH_PHRASES: VerdictPhrases = {
  heading({ ctx, pollutant, limit }) {
    const ids = [ctx.outletCode && `排放口编号 ${ctx.outletCode}`, ctx.monitor && `数采仪 MN ${ctx.monitor}`];
    const idText = ids.filter(Boolean).join('，');
    return `${ctx.enterprise ?? ''}${ctx.outlet}${idText ? `（${idText}）` : ''}${pollutant}（${limit.pollutant}）超标。`;
  },
  period({ episode, first, last }) {
    const zone = episode.averaging === 'day' ? '北京时间，按自然日' : '北京时间';
    const beyond = episode.limit.value.kind === 'range' ? '超出限值范围' : '超过限值';
    return `数据时段：${first} 至 ${last}（${zone}），${count(episode.periods.length)}有效${AVG[episode.averaging]}${beyond}。`;
  },
  limit({ limit, pollutant }) {
    const source =
      limit.origin === 'permit'
        ? `排污许可证（编号 ${limit.sourceCode}）${limit.clause ?? ''}载明的`
        : `${limit.sourceCode}《${limit.sourceTitle}》${limit.clause ?? '（表号/条款未录入）'}，`;
    const ref = limit.referenceO2 === null ? '' : `，基准氧含量 ${n(limit.referenceO2)}%`;
    const since = limit.effectiveFrom ? `，自 ${limit.effectiveFrom} 起执行` : '';
    const special = limit.special
      ? `该值为${SPECIAL[limit.special]}${limit.designation ? `，依据${limit.designation.document}在本地区执行` : ''}。`
      : '';
    return `适用限值：${source}${pollutant}排放限值 ${limitZh(limit.value, limit.unit)}（${AVG[limit.averaging]}${ref}${since}）。${special}`;
  },
  selection({ limit }) {
    const others = limit.comparedWith.map(compared).join('；');
    if (limit.rule === 'only-applicable') return '限值取舍：该限值为唯一适用的限值。';
    if (limit.rule === 'permit-prevails') {
      return `限值取舍：已核发排污许可证，按“许可限值优先”执行许可证载明的限值${others ? `，不再适用：${others}` : ''}。`;
    }
    return `限值取舍：该限值为同时适用的各项限值（国家、地方标准，特别排放限值，排污许可限值）中最严者；较宽或相同而未采用的：${others}。`;
  },
  line(p: Judged, { limit, pollutant }) {
    const u = unitSuffix(limit.unit);
    const head = `${periodLabel(p)}：`;
    if (p.limit.value.kind === 'range') return `${head}${pollutant} ${n(p.compared)}${u}${rangeText(p)}。`;
    const o2 = p.o2;
    if (o2?.formula && o2.measured !== null && o2.o2Measured !== null) {
      return `${head}实测浓度 ${n(o2.measured)}${u}，实测氧含量 ${n(o2.o2Measured)}%，基准氧含量 ${n(o2.o2Reference)}% → 折算浓度 ${o2.formula}${u}${multipleText(p)}。`;
    }
    if (o2) {
      const meas = o2.o2Measured === null ? '' : `，实测氧含量 ${n(o2.o2Measured)}%`;
      return `${head}折算浓度 ${n(p.compared)}${u}（数采仪上报的折算浓度，基准氧含量 ${n(o2.o2Reference)}%${meas}）${multipleText(p)}。`;
    }
    return `${head}浓度 ${n(p.compared)}${u}${multipleText(p)}。`;
  },
  summary({ episode, limit, corrected }) {
    const u = unitSuffix(limit.unit);
    const k = episode.periods.length;
    const which = `${count(k)}${AVG[episode.averaging]}`;
    if (episode.maxMultiple === null) {
      return `结论：${which}超出限值范围 ${limitZh(limit.value, limit.unit)}，最大偏离 ${n(episode.maxDistanceOutside ?? 0)}（极值 ${n(episode.peak)}），均值 ${n(episode.mean)}。`;
    }
    const what = corrected ? '折算浓度' : '浓度';
    return `结论：${which}超标，${what}峰值 ${n(episode.peak)}${u}，均值 ${n(episode.mean)}${u}，最高为限值的 ${n(episode.maxMultiple)} 倍（超标 ${n(episode.maxMultiple - 1)} 倍）。`;
  },
  unconfirmed: '注：该限值录入自标准整理资料，尚未与标准文本逐条核对；据此作出处理前须核对原文。',
};
