import type { MapState } from '../../../../shared/domain/timeliness';
import { STATE_STYLE } from '../model/map-style';

/** The canvas marker of a state as SVG, for the legend and the list (same shape, colour and outline). */
export function StateSymbol({ state, size = 18 }: { state: MapState; size?: number }) {
  const st = STATE_STYLE[state];
  const c = size / 2;
  const r = (st.size / 8) * (size / 2 - 1.5);
  const common = { fill: st.color, stroke: st.outline === '#ffffff' ? '#33475b' : st.outline, strokeWidth: st.shape === 'triangle' ? 1.6 : 1.2 };
  let shape;
  switch (st.shape) {
    case 'circle':
    case 'dot':
      shape = <circle cx={c} cy={c} r={r} {...common} />;
      break;
    case 'diamond':
      shape = <path d={`M${c} ${c - r}L${c + r} ${c}L${c} ${c + r}L${c - r} ${c}Z`} {...common} />;
      break;
    case 'square':
      shape = <rect x={c - r * 0.85} y={c - r * 0.85} width={r * 1.7} height={r * 1.7} {...common} />;
      break;
    case 'triangle':
      shape = <path d={`M${c} ${c - r}L${c + r * 0.95} ${c + r * 0.7}L${c - r * 0.95} ${c + r * 0.7}Z`} {...common} />;
      break;
    case 'cross': {
      const a = r * 0.8;
      shape = <path d={`M${c - a} ${c - a}L${c + a} ${c + a}M${c + a} ${c - a}L${c - a} ${c + a}`} stroke={st.color} strokeWidth={2.4} strokeLinecap="round" />;
      break;
    }
  }
  return (
    <svg width={size} height={size} viewBox={`0 0 ${size} ${size}`} aria-hidden="true" focusable="false" className="state-symbol">
      {shape}
    </svg>
  );
}
