import { useEffect, useRef } from "preact/hooks";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";

export interface ChartSeries {
  label: string;
  points: [number, number][]; // x ascending
  baseline?: boolean;
}

const COLORS = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf", "#bcbd22", "#7f7f7f"];

/** Exponential moving average (TensorBoard-style, debiased); weight 0 leaves the points as they are. */
export function smooth(points: [number, number][], weight: number): [number, number][] {
  if (weight <= 0) return points;
  let last = 0;
  let debias = 0;
  return points.map(([x, y]) => {
    last = last * weight + (1 - weight) * y;
    debias = debias * weight + (1 - weight);
    return [x, last / debias];
  });
}

export function LineChart({ title, series, xLabel, logScale = false, smoothing = 0, height = 220 }: {
  title: string; series: ChartSeries[]; xLabel: string; logScale?: boolean; smoothing?: number; height?: number;
}) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const tables = series.map((s) => {
      const pts = smooth(s.points, smoothing).filter(([, y]) => !logScale || y > 0);
      return [pts.map((p) => p[0]), pts.map((p) => p[1])] as uPlot.AlignedData;
    });
    const data = tables.length ? uPlot.join(tables as [number[], ...(number | null)[][]][]) : ([[]] as uPlot.AlignedData);
    let colorIndex = 0;
    const options: uPlot.Options = {
      width: Math.max(element.clientWidth, 200),
      height,
      legend: { show: series.length <= 12 },
      scales: { x: { time: xLabel === "time" }, y: { distr: logScale ? 3 : 1 } },
      axes: [{ label: xLabel === "time" ? undefined : xLabel }, {}],
      series: [
        { label: xLabel },
        ...series.map((s) => ({
          label: s.baseline ? `${s.label} (baseline)` : s.label,
          stroke: s.baseline ? "#111" : COLORS[colorIndex++ % COLORS.length],
          width: s.baseline ? 3 : 1.5,
          dash: s.baseline ? [8, 4] : undefined,
          spanGaps: true,
          points: { show: false },
        })),
      ],
    };
    const plot = new uPlot(options, data, element);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(element.clientWidth, 200), height }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [series, logScale, smoothing, xLabel, height]);
  return (
    <figure class="chart" aria-label={`Chart of ${title}`}>
      <figcaption>{title}</figcaption>
      <div ref={holder} />
    </figure>
  );
}
