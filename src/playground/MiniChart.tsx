/**
 * A plain column chart drawn as SVG, standing in for an Excel chart in the playground's grid view.
 */
import { Caption1, tokens } from '@fluentui/react-components';
import { GridChart } from './grid-source';

export function MiniChart({ chart }: { chart: GridChart }) {
  const width = 420;
  const height = 220;
  const pad = { left: 48, right: 8, top: 8, bottom: 36 };
  const max = Math.max(1, ...chart.values);
  const n = Math.max(1, chart.values.length);
  const slot = (width - pad.left - pad.right) / n;
  const bar = Math.max(4, slot * 0.6);
  const y = (v: number) => pad.top + (height - pad.top - pad.bottom) * (1 - v / max);
  return (
    <figure data-testid="playground-chart" style={{ margin: 8, display: 'inline-flex', flexDirection: 'column', alignItems: 'center', background: '#fff', border: `1px solid ${tokens.colorNeutralStroke2}`, padding: 8 }}>
      <Caption1 style={{ fontWeight: 600 }}>{chart.title}</Caption1>
      <svg width={width} height={height} role="img" aria-label={chart.title}>
        <line x1={pad.left} x2={width - pad.right} y1={y(0)} y2={y(0)} stroke="#888" />
        <text x={pad.left - 4} y={y(max) + 4} fontSize="10" textAnchor="end">{Math.round(max)}</text>
        <text x={pad.left - 4} y={y(0)} fontSize="10" textAnchor="end">0</text>
        {chart.values.map((v, i) => {
          const x = pad.left + slot * i + (slot - bar) / 2;
          return (
            <g key={i}>
              <rect x={x} y={y(v)} width={bar} height={y(0) - y(v)} fill="#4472C4"><title>{`${chart.labels[i]}: ${v}`}</title></rect>
              <text x={x + bar / 2} y={height - pad.bottom + 14} fontSize="10" textAnchor="middle">{chart.labels[i]}</text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
