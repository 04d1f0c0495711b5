// A sensor's readings while the app runs (from the module-level history store), with the thresholds the
// BMC reports drawn as lines. ECharts is imported piece by piece (core, line chart, grid, tooltip, mark
// lines, canvas) so the bundle carries only what this chart uses.
import { useEffect, useMemo, useRef } from 'react';
import { Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import * as echarts from 'echarts/core';
import { LineChart, type LineSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { SensorViewData, ThresholdKey } from '../../../../../shared/domain/sensor';
import { historyKey, useSensorHistory, type HistoryPoint } from './sensor-history';
import { finite, formatNumber } from './sensor-format';
import { thresholdShort } from './sensor-labels';
import { SEVERITY_COLOUR } from './status-tag';

echarts.use([LineChart, GridComponent, MarkLineComponent, TooltipComponent, CanvasRenderer]);

type ChartOption = echarts.ComposeOption<LineSeriesOption | GridComponentOption | TooltipComponentOption>;

const LINE_COLOUR: Record<ThresholdKey, string> = {
  lnc: SEVERITY_COLOUR.warning,
  unc: SEVERITY_COLOUR.warning,
  lcr: SEVERITY_COLOUR.critical,
  ucr: SEVERITY_COLOUR.critical,
  lnr: SEVERITY_COLOUR['non-recoverable'],
  unr: SEVERITY_COLOUR['non-recoverable'],
};

const LABEL_AT = {
  lnr: 'insideStartBottom',
  lcr: 'insideMiddleBottom',
  lnc: 'insideEndBottom',
  unc: 'insideStartTop',
  ucr: 'insideMiddleTop',
  unr: 'insideEndTop',
} as const satisfies Record<ThresholdKey, string>;

/** 1, 2 or 5 times a power of ten, at least `raw` */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * p).find((x) => x >= raw) ?? 10 * p;
}

/** The thresholds the BMC reported with a finite value: the lines to draw. */
export function thresholdLines(s: SensorViewData): { name: ThresholdKey; value: number }[] {
  return s.thresholds.flatMap((th) => {
    const v = th.readable ? finite(th.value) : undefined;
    return v === undefined ? [] : [{ name: th.name, value: v }];
  });
}

export function HistoryChart({ hostId, sensor }: { hostId: string; sensor: SensorViewData }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const points = useSensorHistory(historyKey(hostId, sensor));
  const lines = useMemo(() => thresholdLines(sensor), [sensor]);
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  // one instance per language (its locale formats the time axis), disposed with the component
  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current, undefined, { locale: lang === 'zh-CN' ? 'ZH' : 'EN' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [lang]);

  useEffect(() => {
    const c = chart.current;
    const node = el.current;
    if (!c || !node) return;
    c.setOption(
      chartOption(points, lines, lang, (k) => thresholdShort(t, k)),
      { notMerge: true },
    );
    // what the chart now holds (read back from ECharts, not from the props), for tests and tools
    const opt = c.getOption() as {
      series?: { data?: unknown[]; markLine?: { data?: { name?: string }[] } }[];
    };
    const s0 = opt.series?.[0];
    node.dataset['points'] = String(s0?.data?.length ?? 0);
    node.dataset['thresholdLines'] = (s0?.markLine?.data ?? []).map((d) => d.name).join(' ');
  }, [points, lines, lang, t]);

  const label = t('sensors.chart.label', { name: sensor.name, count: points.length });
  return (
    <div data-testid="sensor-history">
      <div
        ref={el}
        role="img"
        aria-label={label}
        data-testid="history-chart"
        style={{ width: '100%', height: 240 }}
      />
      {points.length === 0 && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sensors.chart.empty')} />
      )}
    </div>
  );
}

function chartOption(
  points: readonly HistoryPoint[],
  lines: { name: ThresholdKey; value: number }[],
  lang: string,
  short: (k: ThresholdKey) => string,
): ChartOption {
  // the y axis spans the readings and every threshold line, so no line falls outside the plot
  const ys = [...points.map((p) => p.value), ...lines.map((l) => l.value)];
  const lo = ys.length ? Math.min(...ys) : 0;
  const hi = ys.length ? Math.max(...ys) : 1;
  const step = niceStep((hi - lo || Math.abs(hi) || 1) / 5);
  // a few readings close together would otherwise get an axis of days: at least two minutes wide
  const first = points[0]?.at ?? Date.now();
  const last = points.at(-1)?.at ?? first;
  const slack = Math.max(0, 120_000 - (last - first)) / 2;
  const markLine: MarkLineComponentOption = {
    silent: true,
    symbol: 'none',
    animation: false,
    data: lines.map((l) => ({
      name: l.name,
      yAxis: l.value,
      lineStyle: { color: LINE_COLOUR[l.name], type: 'dashed', width: 1 },
      label: {
        formatter: `${short(l.name)} ${formatNumber(lang, l.value)}`,
        // lower and upper lines each spread their labels over start, middle and end: close lines
        // (lnr 0, lcr 5, lnc 10) keep readable labels
        position: LABEL_AT[l.name],
        color: LINE_COLOUR[l.name],
      },
    })),
  };
  return {
    animation: false,
    grid: { left: 64, right: 24, top: 16, bottom: 32 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatNumber(lang, v) : String(v)),
    },
    xAxis: {
      type: 'time',
      min: first - slack,
      max: last + slack,
      splitNumber: 4,
      axisLabel: { hideOverlap: true },
    },
    yAxis: {
      type: 'value',
      min: Math.floor(lo / step) * step - step,
      max: Math.ceil(hi / step) * step + step,
      axisLabel: { formatter: (v: number) => formatNumber(lang, Number(v.toPrecision(6))) },
    },
    series: [
      {
        type: 'line',
        showSymbol: true,
        symbolSize: 6,
        data: points.map((p) => [p.at, p.value]),
        lineStyle: { color: '#0958d9' },
        itemStyle: { color: '#0958d9' },
        markLine,
      },
    ],
  };
}
