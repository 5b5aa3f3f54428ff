/**
 * <cairn-chart>: draws the chart spec in its <script type="application/json"> with chart.js, loaded from the site's
 * own bundle only when a chart is on the page. Without JavaScript the table beside it carries the same numbers, open;
 * once the chart is drawn, the table is one click away ("The numbers"), and opens again for printing.
 */
import type { ChartSpec } from '../../core/views/charts.ts';

const cssVar = (name: string) => getComputedStyle(document.documentElement).getPropertyValue(name).trim();

class CairnChart extends HTMLElement {
  async connectedCallback() {
    const spec = JSON.parse(this.querySelector('script[type="application/json"]')?.textContent ?? 'null') as ChartSpec | null;
    const wrap = this.querySelector<HTMLDivElement>('.chart-canvas');
    const canvas = this.querySelector('canvas');
    if (!spec || !wrap || !canvas) return;
    const { Chart, BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip } = await import(
      'chart.js'
    );
    Chart.register(BarController, BarElement, CategoryScale, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip);
    wrap.hidden = false;
    const numbers = this.closest('figure')?.querySelector('details.chart-data');
    if (numbers instanceof HTMLDetailsElement) {
      numbers.open = false;
      window.addEventListener('beforeprint', () => (numbers.open = true));
    }
    const palette = [cssVar('--fg-soft'), cssVar('--accent'), cssVar('--ok'), cssVar('--warn')];
    const text = cssVar('--fg');
    const grid = cssVar('--border');
    const horizontal = spec.kind === 'horizontal-bar';
    new Chart(canvas, {
      type: spec.kind === 'line' ? 'line' : 'bar',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((series, index) => ({
          label: series.label,
          data: series.data,
          backgroundColor: palette[index % palette.length],
          borderColor: palette[index % palette.length],
          borderDash: series.style === 'dashed' ? [6, 4] : [],
          stepped: series.style === 'step' ? ('after' as const) : false,
          spanGaps: true,
          pointRadius: series.style === 'dashed' ? 0 : 3,
        })),
      },
      options: {
        indexAxis: horizontal ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { legend: { labels: { color: text } } },
        scales: {
          x: { ticks: { color: text }, grid: { color: grid } },
          y: { ticks: { color: text }, grid: { color: grid }, beginAtZero: true },
        },
      },
    });
  }
}

if (!customElements.get('cairn-chart')) customElements.define('cairn-chart', CairnChart);
