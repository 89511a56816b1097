import { useEffect, useRef, type CSSProperties } from 'react';
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import {
  init,
  use as registerEChartsParts,
  type ComposeOption,
  type ECElementEvent,
  type ECharts,
} from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useLanguage } from '../i18n/i18n-context';

// Only the parts of ECharts we draw with, so the chart chunk stays small.
registerEChartsParts([
  BarChart,
  PieChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  CanvasRenderer,
]);

export type EChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export type EChartClick = Pick<ECElementEvent, 'name' | 'seriesName' | 'dataIndex' | 'value' | 'data'>;

type EChartProps = {
  option: EChartOption;
  testId: string;
  height?: number;
  // a short text summary for screen readers and tests; ECharts' aria description otherwise
  label?: string;
  onClick?: (event: EChartClick) => void;
  style?: CSSProperties;
};

const withAria = (option: EChartOption, label: string | undefined) => ({
  aria: { enabled: true, ...(label ? { label: { description: label } } : {}) },
  ...option,
});

// A thin wrapper: one ECharts instance per element, resized with its box, disposed on unmount.
export const EChart = ({ option, testId, height = 300, label, onClick, style }: EChartProps) => {
  const { language } = useLanguage();
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const current = useRef({ option, label });
  current.current = { option, label };

  // ECharts' own texts (the aria description, tooltips' defaults) follow the interface language
  useEffect(() => {
    const node = element.current;
    if (!node) return undefined;
    const instance = init(node, undefined, { renderer: 'canvas', locale: language === 'en' ? 'EN' : 'ZH' });
    instance.setOption(withAria(current.current.option, current.current.label), { notMerge: true });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [language]);

  useEffect(() => {
    chart.current?.setOption(withAria(option, label), { notMerge: true });
  }, [option, label]);

  useEffect(() => {
    const instance = chart.current;
    if (!instance || !onClick) return undefined;
    const handler = (event: ECElementEvent) => onClick(event);
    instance.on('click', handler);
    return () => {
      if (!instance.isDisposed()) instance.off('click', handler);
    };
  }, [onClick, language]);

  return (
    <div
      ref={element}
      data-testid={testId}
      role="img"
      style={{ width: '100%', height, cursor: onClick ? 'pointer' : undefined, ...style }}
    />
  );
};
