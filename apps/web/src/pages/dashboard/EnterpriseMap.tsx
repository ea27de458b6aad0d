import { Empty } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { DashboardSummary } from '../../api/types';
import { Chart, type ChartOption } from '../../components/charts/Chart';
import { equalAspectBounds } from './map-geometry';

const HEIGHT = 480;
const GRID = { left: 72, right: 24, top: 48, bottom: 56 };

type Point = DashboardSummary['points'][number];
/** [lng, lat, id, name]: the id rides along so a click can open the enterprise. */
type Datum = [number, number, number, string];

function useWidth() {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(([entry]) => setWidth(entry?.contentRect.width ?? 0));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return { ref, width };
}

/**
 * Enterprises on lng/lat axes, one colour per district; no tiles, nothing fetched from the internet.
 * A click opens the enterprise, or calls `onSelect` (the alarm centre filters by it).
 */
export function EnterpriseMap({
  summary,
  onSelect,
  testId = 'enterprise-map',
  emptyText,
}: {
  summary: Pick<DashboardSummary, 'points' | 'byDistrict'>;
  onSelect?: (enterpriseId: number) => void;
  testId?: string;
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { ref, width } = useWidth();
  const points = summary.points.filter((p) => Number.isFinite(p.lng) && Number.isFinite(p.lat));

  const option = useMemo<ChartOption | null>(() => {
    const bounds = equalAspectBounds(points, width - GRID.left - GRID.right, HEIGHT - GRID.top - GRID.bottom);
    if (!bounds) return null;
    const names = new Map(summary.byDistrict.map((d) => [d.code, d.name]));
    const groups = new Map<string, Point[]>();
    for (const p of points) {
      const list = groups.get(p.regionCode) ?? [];
      list.push(p);
      groups.set(p.regionCode, list);
    }
    // Bounds are not round numbers: hide the end labels so they do not crowd the ticks.
    const axis = (name: string, min: number, max: number, nameGap: number) => ({
      type: 'value' as const,
      name,
      nameLocation: 'middle' as const,
      nameGap,
      min,
      max,
      splitLine: { lineStyle: { type: 'dashed' as const, opacity: 0.5 } },
      axisLabel: { showMinLabel: false, showMaxLabel: false, formatter: (v: number) => v.toFixed(2) },
    });
    return {
      // A map has nothing to animate, and 400 growing dots make screenshots and tests wait.
      animation: false,
      grid: GRID,
      legend: { type: 'scroll', top: 8 },
      tooltip: {
        trigger: 'item',
        formatter: (params: unknown) => {
          const { data, seriesName } = params as { data: Datum; seriesName: string };
          return `${data[3]}<br/>${seriesName} · ${data[0].toFixed(4)}, ${data[1].toFixed(4)}`;
        },
      },
      xAxis: axis(t('dashboard.lng'), bounds.minLng, bounds.maxLng, 28),
      yAxis: axis(t('dashboard.lat'), bounds.minLat, bounds.maxLat, 48),
      series: [...groups.entries()].map(([code, list]) => ({
        type: 'scatter' as const,
        name: names.get(code) ?? code,
        symbolSize: 8,
        itemStyle: { opacity: 0.8 },
        cursor: 'pointer',
        emphasis: { scale: 1.6 },
        data: list.map((p): Datum => [p.lng, p.lat, p.id, p.name]),
      })),
    };
  }, [points, width, summary.byDistrict, t]);

  return (
    <div ref={ref}>
      {points.length === 0 ? (
        <Empty description={emptyText ?? t('dashboard.noPoints')} />
      ) : option ? (
        <Chart
          option={option}
          height={HEIGHT}
          testId={testId}
          onClick={(e) => {
            const datum = e.data as Datum | undefined;
            if (!datum) return;
            if (onSelect) onSelect(datum[2]);
            else navigate(`/enterprises/${datum[2]}`);
          }}
        />
      ) : (
        <div style={{ height: HEIGHT }} />
      )}
    </div>
  );
}
