/* ECharts, loaded only by the home page's charts (a dynamic import: the office app's first load
 * does not carry it). Only the parts used: bar charts, grid, tooltip, legend, SVG renderer (crisp on paper). */
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export const init = echarts.init;
export type ChartOption = echarts.EChartsCoreOption;
