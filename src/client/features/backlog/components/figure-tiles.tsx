import type { AgencyFigures } from '../../../../shared/contract/backlog';
import type { DrillFigure } from '../../../../shared/domain/rollup-drill';
import { useI18n } from '../../../lib/i18n/i18n-context';
import type { MessageKey } from '../../../lib/i18n/messages-vi';

type TileFigure = 'received' | 'open' | 'inProgress' | 'dueSoon' | 'overdue' | 'onTime' | 'lateExtended' | 'late';

const TILES: readonly { figure: TileFigure; label: MessageKey; now: boolean; tone?: 'danger' | 'warn' | 'ok' }[] = [
  { figure: 'received', label: 'backlog.fig.received', now: false },
  { figure: 'open', label: 'backlog.fig.open', now: true },
  { figure: 'inProgress', label: 'backlog.fig.inProgress', now: true },
  { figure: 'dueSoon', label: 'backlog.fig.dueSoon', now: true, tone: 'warn' },
  { figure: 'overdue', label: 'backlog.fig.overdue', now: true, tone: 'danger' },
  { figure: 'onTime', label: 'backlog.fig.onTime', now: false, tone: 'ok' },
  { figure: 'lateExtended', label: 'backlog.fig.lateExtended', now: false },
  { figure: 'late', label: 'backlog.fig.late', now: false, tone: 'danger' },
];

/** The totals of the selection as large clickable figures ("now" ones are marked as such). */
export function FigureTiles({ totals, onDrill }: { totals: AgencyFigures; onDrill: (figure: DrillFigure, count: number, label: string) => void }) {
  const { t, fmt } = useI18n();
  return (
    <ul className="bl-tiles" aria-label={t('backlog.fig.drillHint')}>
      {TILES.map(({ figure, label, now, tone }) => (
        <li key={figure} className={`bl-tile${tone ? ` bl-tile--${tone}` : ''}${now ? ' bl-tile--now' : ''}`}>
          <button type="button" className="bl-tile__btn" data-testid={`tile-${figure}`} title={t(now ? 'backlog.fig.nowHint' : 'backlog.fig.periodHint')} onClick={() => onDrill(figure, totals[figure], t(label))}>
            <span className="bl-tile__label">{t(label)}</span>
            <span className="bl-tile__value">{fmt.number(totals[figure])}</span>
            <span className="bl-tile__hint">{t(now ? 'backlog.fig.nowHint' : 'backlog.fig.periodHint')}</span>
          </button>
        </li>
      ))}
      <li className="bl-tile bl-tile--median">
        <button type="button" className="bl-tile__btn" data-testid="tile-median" onClick={() => onDrill('resolved', totals.resolved, t('backlog.fig.resolved'))}>
          <span className="bl-tile__label">{t('backlog.fig.median')}</span>
          <span className="bl-tile__value">{totals.medianHandlingDays === null ? '—' : t('backlog.fig.days', fmt.number(totals.medianHandlingDays))}</span>
          <span className="bl-tile__hint">{t('backlog.fig.medianNote', fmt.number(totals.resolved))}</span>
        </button>
      </li>
    </ul>
  );
}
