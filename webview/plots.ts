// Interactive plots: the renderer leaves a printable SVG with the data in `data-plot`; here it becomes a
// uPlot chart sized to the preview, in the theme's colours.
import uPlot from 'uplot';

interface PlotData {
  title: string;
  x: number[];
  series: { label: string; y: number[] }[];
}

const palette = [
  '--vscode-charts-blue',
  '--vscode-charts-orange',
  '--vscode-charts-green',
  '--vscode-charts-purple',
  '--vscode-charts-red',
  '--vscode-charts-yellow',
];
const fallback = ['#3794ff', '#d18616', '#388a34', '#b180d7', '#f14c4c', '#cca700'];

function color(k: number): string {
  const v = getComputedStyle(document.body)
    .getPropertyValue(palette[k % palette.length] ?? '')
    .trim();
  return v || (fallback[k % fallback.length] ?? '#3794ff');
}

function parse(text: string | undefined): PlotData | undefined {
  try {
    const v: unknown = JSON.parse(text ?? '');
    if (typeof v !== 'object' || v === null) return undefined;
    const d = v as PlotData;
    if (!Array.isArray(d.x) || !Array.isArray(d.series)) return undefined;
    if (
      !d.x.every((x) => typeof x === 'number') ||
      !d.series.every((s) => Array.isArray(s.y) && typeof s.label === 'string')
    ) {
      return undefined;
    }
    return d;
  } catch {
    return undefined;
  }
}

/** Turns every `.sw-plot` in `root` into a uPlot chart; the SVG stays when the data is unusable. */
export function hydratePlots(root: HTMLElement): void {
  for (const holder of Array.from(root.querySelectorAll<HTMLElement>('.sw-plot[data-plot]'))) {
    const data = parse(holder.dataset.plot);
    if (!data || data.x.length === 0) continue;
    const fg = getComputedStyle(document.body).getPropertyValue('--vscode-foreground').trim() || '#888';
    const grid =
      getComputedStyle(document.body).getPropertyValue('--vscode-widget-border').trim() ||
      'rgba(128,128,128,0.25)';
    const axis = { stroke: fg, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const opts: uPlot.Options = {
      title: data.title || undefined,
      width: Math.max(240, Math.min(640, holder.clientWidth || 480)),
      height: 220,
      series: [{}, ...data.series.map((s, k) => ({ label: s.label, stroke: color(k), width: 1.5 }))],
      scales: { x: { time: false } },
      axes: [axis, axis],
      legend: { show: data.series.length > 1 },
    };
    holder.replaceChildren();
    holder.classList.add('sw-uplot');
    new uPlot(opts, [data.x, ...data.series.map((s) => s.y)] as uPlot.AlignedData, holder);
  }
}
