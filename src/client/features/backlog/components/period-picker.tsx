import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { isLocalDate, PERIOD_PRESETS, type LocalRange, type PeriodPreset } from '../model/period';

interface Props {
  preset: PeriodPreset;
  range: LocalRange;
  onChange: (preset: PeriodPreset, range?: LocalRange) => void;
}

/** Presets as a segmented control; "custom" opens two date fields applied together. */
export function PeriodPicker({ preset, range, onChange }: Props) {
  const { t } = useI18n();
  const [custom, setCustom] = useState<LocalRange>(range);
  const [editing, setEditing] = useState(preset === 'custom');
  const valid = isLocalDate(custom.fromDate) && isLocalDate(custom.toDate) && custom.fromDate <= custom.toDate;
  return (
    <div className="bl-period" role="group" aria-label={t('backlog.period.label')}>
      <div className="bl-seg">
        {PERIOD_PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="bl-seg__btn"
            aria-pressed={p === 'custom' ? editing || preset === 'custom' : preset === p && !editing}
            onClick={() => {
              if (p === 'custom') {
                setCustom(range);
                setEditing(true);
              } else {
                setEditing(false);
                onChange(p);
              }
            }}
          >
            {t(`backlog.period.${p}`)}
          </button>
        ))}
      </div>
      {editing && (
        <form
          className="bl-period__custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange('custom', custom);
          }}
        >
          <label>
            <span>{t('backlog.period.from')}</span>
            <input type="date" value={custom.fromDate} max={custom.toDate} onChange={(e) => setCustom({ ...custom, fromDate: e.target.value })} />
          </label>
          <label>
            <span>{t('backlog.period.to')}</span>
            <input type="date" value={custom.toDate} min={custom.fromDate} onChange={(e) => setCustom({ ...custom, toDate: e.target.value })} />
          </label>
          <button type="submit" className="bl-btn" disabled={!valid}>
            {t('backlog.period.apply')}
          </button>
          {!valid && (
            <span className="bl-period__invalid" role="alert">
              {t('backlog.period.invalid')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
