import { describe, expect, it } from 'vitest';
import type { DistrictStatus, Rate } from '../../api/monitoring';
import { districtChartOption } from './district-chart';
import { RATE_COLORS } from './rate-format';

const rate = (r: number | null): Rate => ({
  expected: r === null ? 0 : 100,
  received: r === null ? 0 : 100,
  valid: r === null ? 0 : Math.round(r * 100),
  transmissionRate: r === null ? null : 1,
  validityRate: r,
  transmissionValidityRate: r,
  meetsTarget: r !== null && r >= 0.9,
  formula: '',
});
const district = (name: string, r: number | null): DistrictStatus => ({
  code: name,
  name,
  monitors: 10,
  online: 8,
  offline: 2,
  today: rate(r),
});

describe('districtChartOption', () => {
  const labels = {
    rate: '传输有效率',
    target: '90% 达标线',
    online: '在线',
    offline: '离线',
    notComputed: '不计算',
  };
  const option = districtChartOption(
    [district('赫山区', 0.96), district('南县', 0.85), district('安化县', null)],
    labels,
  );
  const bars = (option.series as { data: { value: number | null; itemStyle: { color: string } }[] }[])[0]!;

  it('draws each district as a percentage, red under 90 %, nothing when not computed', () => {
    expect(bars.data.map((d) => d.value)).toEqual([96, 85, null]);
    expect(bars.data.map((d) => d.itemStyle.color)).toEqual([
      RATE_COLORS.ok,
      RATE_COLORS.below,
      RATE_COLORS.none,
    ]);
  });

  it('has the 90 % line and a 0-100 % axis', () => {
    expect(JSON.stringify(option.series)).toContain('"yAxis":90');
    expect(option.yAxis).toMatchObject({ min: 0, max: 100 });
    expect((option.xAxis as { data: string[] }).data).toEqual(['赫山区', '南县', '安化县']);
  });

  it('explains a bar in its tooltip', () => {
    const formatter = (option.tooltip as { formatter: (p: unknown) => string }).formatter;
    expect(formatter([{ dataIndex: 1 }])).toBe('<b>南县</b><br/>传输有效率：85.00%<br/>在线 8 / 离线 2');
    expect(formatter([{ dataIndex: 2 }])).toContain('不计算');
  });
});
