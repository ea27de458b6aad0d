import { describe, expect, it } from 'vitest';
import { judge } from '../../src/exceedance/judge';
import { mergeEpisodes } from '../../src/exceedance/merge-episodes';
import type { ExceedanceEpisode, PeriodValue } from '../../src/exceedance/types';
import { verdictText } from '../../src/exceedance/verdict-text';
import type { ResolvedLimit } from '../../src/limits/resolution';
import { designation, local, permit } from '../limits/fixtures';
import { day, hour, limitFor, SO2_POWER, WWTP_1A } from './helpers';

const CTX = {
  enterprise: '津南热电有限公司',
  outlet: '1号锅炉排气筒',
  outletCode: 'DA001',
  monitor: '88888880000001',
};
const PERMIT_NO = '91120103MA05TEST0X001P';

function only(values: PeriodValue[], limit: ResolvedLimit): ExceedanceEpisode {
  const [e, ...rest] = mergeEpisodes(values.map((v) => judge(v, limit)));
  if (!e || rest.length > 0) throw new Error('expected one episode');
  return e;
}

describe('verdictText — Chinese', () => {
  it('hourly SO2 with the O2 correction written out (hand-computed: 96 × 15/12 = 120, 104 → 130)', () => {
    const e = only([hour(8, 96), hour(9, 104), { ...hour(10, 110), corrected: true }], SO2_POWER());
    expect(verdictText(e, CTX)).toBe(
      [
        '津南热电有限公司1号锅炉排气筒（排放口编号 DA001，数采仪 MN 88888880000001）二氧化硫（a21026）超标。',
        '数据时段：2024-03-01 08:00 至 2024-03-01 11:00（北京时间），连续 3 个有效小时均值超过限值。',
        '适用限值：GB 13223-2011《火电厂大气污染物排放标准》（表号/条款未录入），二氧化硫排放限值 100 mg/m³（小时均值，基准氧含量 6%）。',
        '限值取舍：该限值为唯一适用的限值。',
        '2024-03-01 08:00–09:00：实测浓度 96 mg/m³，实测氧含量 9%，基准氧含量 6% → 折算浓度 96 × (21 − 6) / (21 − 9) = 120 mg/m³，为限值的 1.2 倍（超标 0.2 倍）。',
        '2024-03-01 09:00–10:00：实测浓度 104 mg/m³，实测氧含量 9%，基准氧含量 6% → 折算浓度 104 × (21 − 6) / (21 − 9) = 130 mg/m³，为限值的 1.3 倍（超标 0.3 倍）。',
        '2024-03-01 10:00–11:00：折算浓度 110 mg/m³（数采仪上报的折算浓度，基准氧含量 6%，实测氧含量 9%），为限值的 1.1 倍（超标 0.1 倍）。',
        '结论：连续 3 个小时均值超标，折算浓度峰值 130 mg/m³，均值 120 mg/m³，最高为限值的 1.3 倍（超标 0.3 倍）。',
        '注：该限值录入自标准整理资料，尚未与标准文本逐条核对；据此作出处理前须核对原文。',
      ].join('\n'),
    );
  });

  it('daily pH below the 6～9 range', () => {
    const e = only([day(1, 5.5), day(2, 5)], WWTP_1A('w01001'));
    expect(verdictText(e, { outlet: '总排口', outletCode: 'DW001' })).toBe(
      [
        '总排口（排放口编号 DW001）pH值（w01001）超标。',
        '数据时段：2024-05-01 至 2024-05-02（北京时间，按自然日），连续 2 个有效日均值超出限值范围。',
        '适用限值：GB 18918-2002《城镇污水处理厂污染物排放标准》（表号/条款未录入），pH值排放限值 6～9（日均值）。',
        '限值取舍：该限值为唯一适用的限值。',
        '2024-05-01：pH值 5.5，低于限值下限 6，差 0.5。',
        '2024-05-02：pH值 5，低于限值下限 6，差 1。',
        '结论：连续 2 个日均值超出限值范围 6～9，最大偏离 1（极值 5），均值 5.25。',
        '注：该限值录入自标准整理资料，尚未与标准文本逐条核对；据此作出处理前须核对原文。',
      ].join('\n'),
    );
  });

  it('names the clause, the start date, and the candidates the strictest limit was preferred to', () => {
    const limit = limitFor({ designations: [designation()], permitNumber: PERMIT_NO }, [
      local({ value: { kind: 'max', max: 25 } }),
      permit(),
    ]);
    const text = verdictText(only([hour(9, 40, 12)], limit), CTX);
    expect(text).toContain(
      'DB-TEST/ 1-2018《测试用地方锅炉标准（虚构）》表1，颗粒物排放限值 25 mg/m³（小时均值，基准氧含量 9%，自 2018-01-01 起执行）。',
    );
    expect(text).toContain(
      '较宽或相同而未采用的：GB 13271-2014 限值 50 mg/m³（基准氧含量 9%）；GB 13271-2014 特别排放限值 30 mg/m³（基准氧含量 9%）；排污许可证 91120103MA05TEST0X001P 限值 30 mg/m³（基准氧含量 9%）。',
    );
    // 40 × 12 / 9 = 53.333; / 25 = 2.133
    expect(text).toContain(
      '折算浓度 40 × (21 − 9) / (21 − 12) = 53.333 mg/m³，为限值的 2.133 倍（超标 1.133 倍）。',
    );
    expect(text).toContain('2024-03-01 09:00 至 2024-03-01 10:00（北京时间），1 个有效小时均值超过限值。');
    expect(text).not.toContain('注：'); // the fixture's limit is confirmed
  });

  it('a special limit names the designating document', () => {
    const text = verdictText(only([hour(8, 40)], limitFor({ designations: [designation()] })), CTX);
    expect(text).toContain('该值为特别排放限值，依据测试用执行特别排放限值的公告（虚构）在本地区执行。');
  });

  it("the permit's limit under permit-prevails says so", () => {
    const limit = limitFor({ permitNumber: PERMIT_NO, permitPolicy: 'permit-prevails' }, [
      permit({ value: { kind: 'max', max: 60 } }),
    ]);
    const text = verdictText(only([hour(8, 80)], limit), CTX);
    expect(text).toContain(
      '适用限值：排污许可证（编号 91120103MA05TEST0X001P）副本 表8载明的颗粒物排放限值 60 mg/m³',
    );
    expect(text).toContain(
      '按“许可限值优先”执行许可证载明的限值，不再适用：GB 13271-2014 限值 50 mg/m³（基准氧含量 9%）。',
    );
  });
});

describe('verdictText — English (lang: en)', () => {
  it('carries the same facts', () => {
    const e = only([hour(8, 96), hour(9, 104)], SO2_POWER());
    const text = verdictText(e, { ...CTX, lang: 'en' });
    expect(text.split('\n')).toEqual([
      '津南热电有限公司, 1号锅炉排气筒 (outlet DA001, DAU MN 88888880000001): SO2 (a21026) exceeded its limit.',
      'Data period: 2024-03-01 08:00 to 2024-03-01 10:00 (Beijing time); 2 consecutive valid hourly means above the limit.',
      'Limit: GB 13223-2011 火电厂大气污染物排放标准 (table/clause not recorded): SO2 ≤ 100 mg/m³ (hourly mean, reference O2 6%).',
      'Why this limit: it is the only applicable one.',
      '2024-03-01 08:00–09:00: measured 96 mg/m³ at 9% O2, reference O2 6% → corrected 96 × (21 − 6) / (21 − 9) = 120 mg/m³, 1.2 times the limit (0.2 above it).',
      '2024-03-01 09:00–10:00: measured 104 mg/m³ at 9% O2, reference O2 6% → corrected 104 × (21 − 6) / (21 − 9) = 130 mg/m³, 1.3 times the limit (0.3 above it).',
      'Conclusion: 2 consecutive hourly means above the limit; peak corrected concentration 130 mg/m³, mean 125 mg/m³, at most 1.3 times the limit.',
      "Note: this limit was loaded from working notes and has not yet been checked against the standard's text; check it before acting on this verdict.",
    ]);
  });
});
