import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { ConnectionIndicator } from '../../../components/connection-indicator';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { live } from '../../../lib/live/live-client';
import type { LiveStore } from '../../../lib/live/live-store';
import { useLiveState, useStaleness } from '../../../lib/live/use-live';
import { useRotation } from '../hooks/use-rotation';
import { WallClock } from './wall-clock';
import './wall-screen.css';

export interface WallView {
  id: string;
  label: string;
  render: () => ReactNode;
}

export interface WallScreenProps {
  views: readonly WallView[];
  /** names asked for in the URL that are not views (yet) */
  unknown: readonly string[];
  rotateMs: number;
  staleMs: number;
  /** the KPI strip (composed by the route: features do not import each other) */
  kpis: ReactNode;
  /** holds the rotation (e.g. while a report is open on the wall) */
  paused?: boolean;
  /** a way back to the desk, shown only on focus/hover */
  exit?: ReactNode;
  store?: LiveStore;
}

/** How long "reconnected" stays up after a stale spell. */
const RECOVERED_MS = 10_000;

/**
 * The wall: no navigation, dark, large type, a clock, the KPI strip and a rotating playlist of views. Views are
 * mounted the first time they are shown and then kept (hidden) so a map is not rebuilt every turn; their
 * number is fixed by the URL, so memory stays bounded however long the screen runs. When the stream has been
 * down longer than `staleMs`, everything below the header is greyed and labelled as old, and a banner says so.
 */
export function WallScreen({ views, unknown, rotateMs, staleMs, kpis, paused = false, exit, store = live }: WallScreenProps) {
  const { t, fmt } = useI18n();
  const state = useLiveState(store);
  const { stale, downSince } = useStaleness(store, staleMs);
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const holding = paused || hovered || focused;
  const { index, cycle } = useRotation(views.length, rotateMs, holding);
  const current = views[index];

  // views are mounted on first show and kept (hidden) afterwards
  const [mounted, setMounted] = useState<ReadonlySet<string>>(() => new Set(current ? [current.id] : []));
  if (current && !mounted.has(current.id)) setMounted(new Set([...mounted, current.id]));

  // a short "reconnected" note after a stale spell, so the room sees the numbers are current again
  const [wasStale, setWasStale] = useState(false);
  /** counts recoveries while the note is up (null: no note) */
  const [recovered, setRecovered] = useState<number | null>(null);
  if (stale !== wasStale) {
    setWasStale(stale);
    if (!stale) setRecovered((n) => (n ?? 0) + 1);
  }
  useEffect(() => {
    if (recovered === null) return;
    const timer = setTimeout(() => setRecovered(null), RECOVERED_MS);
    return () => clearTimeout(timer);
  }, [recovered]);

  const rotating = views.length > 1 && rotateMs > 0;
  return (
    <div
      className={`wall wall-screen${stale ? ' wall-screen--stale' : ''}`}
      data-testid="wall"
      data-view={current?.id ?? ''}
      data-stale={stale ? 'true' : 'false'}
      data-live-status={state.status}
      data-live-seq={state.seq ?? ''}
    >
      <header className="wall__header">
        <div>
          <h1 className="wall__title">{t('app.title')}</h1>
          <p className="wall__subtitle">{t('app.subtitle')}</p>
        </div>
        <div className="wall__right">
          <ConnectionIndicator store={store} />
          <WallClock />
        </div>
      </header>

      {stale && downSince !== null && (
        <div className="wall-screen__stale" role="alert" data-testid="wall-stale">
          <span className="wall-screen__stale-icon" aria-hidden="true">
            ⚠
          </span>
          <span>{t('wall.stale', fmt.time(downSince))}</span>
        </div>
      )}
      {!stale && recovered !== null && (
        <p className="wall-screen__recovered" role="status">
          {t('wall.recovered')}
        </p>
      )}

      <div className="wall-screen__data">
        <div className="wall-screen__kpis">{kpis}</div>
        <div
          className="wall-screen__stage"
          onMouseEnter={() => setHovered(true)}
          onMouseLeave={() => setHovered(false)}
          onFocus={() => setFocused(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(false);
          }}
        >
          {views.length === 0 && <p className="wall-screen__none">{t('wall.noViews')}</p>}
          {views
            .filter((v) => mounted.has(v.id))
            .map((v) => {
              const shown = v.id === current?.id;
              return (
                <section
                  key={v.id}
                  className={shown ? 'wall-screen__view wall-screen__view--current' : 'wall-screen__view'}
                  aria-label={v.label}
                  aria-hidden={!shown}
                  inert={!shown}
                  data-view-id={v.id}
                >
                  {v.render()}
                </section>
              );
            })}
        </div>
        {stale && state.lastSyncAt !== null && (
          <p className="wall-screen__stale-label" aria-hidden="true">
            {t('wall.staleLabel')} · {t('wall.staleSince', fmt.time(state.lastSyncAt))}
          </p>
        )}
      </div>

      <footer className="wall-screen__footer">
        {views.length > 1 && (
          <ol className="wall-screen__playlist" aria-label={t('wall.playlist')}>
            {views.map((v, i) => (
              <li key={v.id} className={i === index ? 'wall-screen__tab wall-screen__tab--current' : 'wall-screen__tab'} aria-current={i === index ? 'step' : undefined}>
                <span>{v.label}</span>
                {i === index && rotating && (
                  <span className="wall-screen__progress" aria-hidden="true">
                    <span
                      key={cycle}
                      className="wall-screen__progress-bar"
                      style={{
                        animationDuration: `${rotateMs}ms`,
                        animationPlayState: holding ? 'paused' : 'running',
                      }}
                    />
                  </span>
                )}
              </li>
            ))}
          </ol>
        )}
        {rotating && (
          <span className="wall-screen__rotation" data-testid="wall-rotation">
            {holding ? t('wall.paused') : t('wall.position', fmt.number(index + 1), fmt.number(views.length))}
          </span>
        )}
        {unknown.length > 0 && <span className="wall-screen__skipped">{t('wall.skipped', unknown.join(', '))}</span>}
        {exit}
      </footer>
    </div>
  );
}
