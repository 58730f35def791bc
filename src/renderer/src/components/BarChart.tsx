import { Box } from '@mantine/core';
import { BarChart as Bars } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerParts, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what the app draws is bundled: bars, axes, legend, tooltip, the aria description, drawn as SVG (sharp when
// printed, and no canvas to read back).
registerParts([Bars, GridComponent, LegendComponent, TooltipComponent, AriaComponent, SVGRenderer]);

type Option = ComposeOption<BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption>;

export interface BarSeries {
  name: string;
  /** null: no bar (a figure withheld). */
  values: (number | null)[];
  color: string;
}

/**
 * Grouped horizontal bars, a row per category (a raion), a bar per series: the one chart component of the app,
 * over ECharts. `label` names it for screen readers; the numbers themselves are always also in a table nearby.
 */
export function BarChart({ categories, series, label, height }: { categories: string[]; series: BarSeries[]; label: string; height?: number }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return undefined;
    const chart = init(element.current, null, { renderer: 'svg' });
    const option: Option = {
      aria: { enabled: true, label: { enabled: true, description: label } },
      animation: false,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 36, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      // The first category on top, as a list reads.
      yAxis: {
        type: 'category',
        data: categories,
        inverse: true,
        axisLabel: { width: 220, overflow: 'truncate' },
      },
      series: series.map((s) => ({
        type: 'bar',
        name: s.name,
        data: s.values,
        itemStyle: { color: s.color },
        barMaxWidth: 14,
      })),
    };
    chart.setOption(option);
    const resize = new ResizeObserver(() => chart.resize());
    resize.observe(element.current);
    return () => {
      resize.disconnect();
      chart.dispose();
    };
  }, [categories, series, label]);
  return <Box ref={element} role="img" aria-label={label} h={height ?? Math.max(220, 60 + categories.length * (series.length * 14 + 16))} w="100%" />;
}
