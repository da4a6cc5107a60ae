import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RiskMap } from '../../../schemas/publication.js';
import { type Level, levelOrder, levelPaint } from './level-colours';
import { floorPlanUrl } from './publication-api';

type Point = [number, number];

const centroid = (points: Point[]): Point => {
  const n = points.length;
  return [points.reduce((s, p) => s + p[0], 0) / n, points.reduce((s, p) => s + p[1], 0) / n];
};

/**
 * The floor plan with every drawn area filled in its level colour at 45 % opacity. The SVG's user
 * space is the image's own pixel size, so polygons stored in 0..1 land on the same spot at any zoom.
 */
export function RiskMapCanvas({
  map,
  draft,
  selectedAreaId,
  onPick,
  maxHeight,
}: {
  map: RiskMap;
  draft?: Point[] | null;
  selectedAreaId?: string | null;
  onPick?: (point: Point) => void;
  maxHeight?: string;
}) {
  const { t } = useTranslation();
  const width = map.floorPlan?.width ?? 1200;
  const height = map.floorPlan?.height ?? 800;
  const src = floorPlanUrl(map);
  const font = Math.max(12, width / 45);
  const toSvg = (points: Point[]) => points.map(([x, y]) => `${x * width},${y * height}`).join(' ');
  const click = (e: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = Math.min(1, Math.max(0, (e.clientX - box.left) / box.width));
    const y = Math.min(1, Math.max(0, (e.clientY - box.top) / box.height));
    onPick([Math.round(x * 1e4) / 1e4, Math.round(y * 1e4) / 1e4]);
  };
  return (
    <div style={{ position: 'relative', width: '100%', maxHeight, aspectRatio: `${width} / ${height}`, margin: '0 auto', maxWidth: maxHeight ? `calc(${maxHeight} * ${width / height})` : undefined }}>
      {src ? (
        <img src={src} alt={t('publication.map.floorPlan')} style={{ position: 'absolute', inset: 0, width: '100%', height: '100%' }} data-testid="floor-plan-image" />
      ) : (
        <div style={{ position: 'absolute', inset: 0, background: 'repeating-linear-gradient(0deg,#f5f5f5 0 39px,#e0e0e0 39px 40px),repeating-linear-gradient(90deg,transparent 0 39px,#e0e0e0 39px 40px)', border: '1px dashed #bfbfbf' }} />
      )}
      <svg
        viewBox={`0 0 ${width} ${height}`}
        style={{ position: 'absolute', inset: 0, width: '100%', height: '100%', cursor: onPick ? 'crosshair' : 'default' }}
        onClick={click}
        data-testid="risk-map-svg"
      >
        {map.areas.map((a) => {
          if (!a.points || a.points.length < 3) return null;
          const paint = a.level ? levelPaint[a.level] : null;
          const [cx, cy] = centroid(a.points as Point[]);
          return (
            <g key={a.id} data-area={a.name} data-level={a.level ?? 'none'}>
              <polygon
                points={toSvg(a.points as Point[])}
                fill={paint ? paint.fill : 'transparent'}
                fillOpacity={paint ? 0.45 : 0}
                stroke={a.id === selectedAreaId ? '#000' : (paint?.fill ?? '#595959')}
                strokeWidth={a.id === selectedAreaId ? width / 250 : width / 500}
                strokeDasharray={paint ? undefined : `${width / 100}`}
              />
              <text x={cx * width} y={cy * height} fontSize={font} fontWeight={700} textAnchor="middle" dominantBaseline="middle" fill="#141414" stroke="#fff" strokeWidth={font / 6} paintOrder="stroke">
                {a.name}
              </text>
            </g>
          );
        })}
        {draft && draft.length > 0 && (
          <g data-testid="draft-polygon">
            <polyline points={toSvg(draft)} fill="rgba(0,0,0,0.08)" stroke="#000" strokeWidth={width / 300} strokeDasharray={`${width / 120}`} />
            {draft.map(([x, y], i) => (
              <circle key={i} cx={x * width} cy={y * height} r={width / 160} fill="#000" />
            ))}
          </g>
        )}
      </svg>
    </div>
  );
}

export function RiskMapLegend({ size = 'normal' }: { size?: 'normal' | 'print' }) {
  const { t } = useTranslation();
  const fontSize = size === 'print' ? 14 : 13;
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 14, alignItems: 'center', fontSize }} data-testid="risk-map-legend">
      {levelOrder.map((level: Level) => (
        <span key={level} style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <span style={{ width: 22, height: 14, background: levelPaint[level].fill, opacity: 0.85, border: '1px solid #595959', display: 'inline-block' }} />
          {t(`publication.legend.${level}`)}
        </span>
      ))}
    </div>
  );
}
