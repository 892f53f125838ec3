import { useI18n } from '../../../lib/i18n/i18n-context';
import { useNow } from '../../../lib/time/use-now';

/** Vietnam time, whatever the machine's zone (the formatters fix Asia/Ho_Chi_Minh). */
export function WallClock() {
  const { t, fmt } = useI18n();
  const now = useNow(1000);
  return (
    <div className="wall__clock" role="timer" aria-label={t('wall.clock')}>
      <time className="wall__time" dateTime={new Date(now).toISOString()}>
        {fmt.time(now)}
      </time>
      <span className="wall__date">{fmt.longDate(now)}</span>
    </div>
  );
}
