import type { PracticeAreaBar } from '@/lib/pipeline/practice-chart';
import { messages } from './messages';

const m = messages.chart;
const LABEL_W = 190;
const BAR_W = 260;
const ROW_H = 30;
const BAR_H = 10;

/**
 * Needs noticed vs won per practice area over the last 12 months: a small SVG (an image with a
 * name and description) and the same figures as a table for anyone who cannot see the bars.
 */
export function PracticeChart({ bars }: { bars: PracticeAreaBar[] }) {
  const max = Math.max(1, ...bars.map((b) => Math.max(b.noticed, b.won)));
  const width = LABEL_W + BAR_W + 50;
  const height = bars.length * ROW_H + 24;
  const scale = (n: number) => (n / max) * BAR_W;
  return (
    <section className="block chart" aria-labelledby="chart-title">
      <h2 id="chart-title">{m.title}</h2>
      {bars.length === 0 ? <p className="muted">{m.none}</p> : (
        <>
          <p id="chart-desc" className="muted hint">{m.description}</p>
          <svg role="img" aria-labelledby="chart-title" aria-describedby="chart-desc" viewBox={`0 0 ${width} ${height}`} width="100%" style={{ maxWidth: width }}>
            <g className="legend" transform="translate(0,10)">
              <rect x={LABEL_W} y={-8} width={10} height={10} className="bar noticed" />
              <text x={LABEL_W + 14} y={1}>{m.noticed}</text>
              <rect x={LABEL_W + 90} y={-8} width={10} height={10} className="bar won" />
              <text x={LABEL_W + 104} y={1}>{m.won}</text>
            </g>
            {bars.map((b, i) => {
              const y = 24 + i * ROW_H;
              return (
                <g key={b.practiceArea} transform={`translate(0,${y})`}>
                  <text x={LABEL_W - 8} y={BAR_H + 3} textAnchor="end" className="area">{b.practiceArea.length > 28 ? `${b.practiceArea.slice(0, 27)}…` : b.practiceArea}</text>
                  <rect x={LABEL_W} y={0} width={scale(b.noticed)} height={BAR_H} className="bar noticed" />
                  <text x={LABEL_W + scale(b.noticed) + 4} y={BAR_H - 1} className="value">{b.noticed}</text>
                  <rect x={LABEL_W} y={BAR_H + 2} width={scale(b.won)} height={BAR_H} className="bar won" />
                  <text x={LABEL_W + scale(b.won) + 4} y={2 * BAR_H + 1} className="value">{b.won}</text>
                </g>
              );
            })}
          </svg>
          <details>
            <summary>{m.showTable}</summary>
            <table>
              <caption className="visually-hidden">{m.description}</caption>
              <thead><tr><th scope="col">{m.practiceArea}</th><th scope="col">{m.noticed}</th><th scope="col">{m.won}</th></tr></thead>
              <tbody>
                {bars.map((b) => <tr key={b.practiceArea}><th scope="row">{b.practiceArea}</th><td>{b.noticed}</td><td>{b.won}</td></tr>)}
              </tbody>
            </table>
          </details>
        </>
      )}
    </section>
  );
}
