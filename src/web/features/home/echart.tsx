import { useEffect, useRef } from 'react';
import type { ChartOption } from './echarts-setup';

/** One ECharts chart, the library fetched on first use; without animation when printing. */
export function EChart({ option, height, testId, isStatic = false }: { option: ChartOption; height: number | string; testId: string; isStatic?: boolean }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: { setOption(o: ChartOption): void; resize(): void; dispose(): void } | null = null;
    let isGone = false;
    void import('./echarts-setup').then(({ init }) => {
      if (isGone || !ref.current) return;
      chart = init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption({ animation: !isStatic, ...option });
      ref.current.dataset.ready = 'true';
    });
    const onResize = () => chart?.resize();
    window.addEventListener('resize', onResize);
    return () => {
      isGone = true;
      window.removeEventListener('resize', onResize);
      chart?.dispose();
    };
  }, [option, isStatic]);
  // The figures drawn, for a reader without the chart and for the tests (each series' data).
  const series = ((option as { series?: { name?: string; data?: unknown[] }[] }).series ?? []).map((x) => ({ name: x.name ?? '', data: x.data ?? [] }));
  return <div ref={ref} style={{ width: '100%', height }} data-testid={testId} data-series={JSON.stringify(series)} role="img" aria-label={series.map((x) => `${x.name} ${x.data.join(' ')}`).join('; ')} />;
}
