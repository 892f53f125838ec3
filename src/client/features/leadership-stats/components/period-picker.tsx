import { useState } from 'react';
import { useI18n } from '../../../lib/i18n/i18n-context';
import { isLocalDate, PRESETS, type LocalRange, type PresetId } from '../model/period';

interface Props {
  preset: PresetId;
  range: LocalRange;
  onChange: (preset: PresetId, range?: LocalRange) => void;
}

/** Presets as a segmented control; "custom" opens two date fields applied together. */
export function PeriodPicker({ preset, range, onChange }: Props) {
  const { t } = useI18n();
  const [custom, setCustom] = useState<LocalRange>(range);
  const [editing, setEditing] = useState(preset === 'custom');
  const valid = isLocalDate(custom.fromDate) && isLocalDate(custom.toDate) && custom.fromDate <= custom.toDate;
  return (
    <div className="lstats-period" role="group" aria-label={t('stats.period.label')}>
      <div className="lstats-seg">
        {PRESETS.map((p) => (
          <button
            key={p}
            type="button"
            className="lstats-seg__btn"
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
            {t(`stats.period.${p}`)}
          </button>
        ))}
      </div>
      {editing && (
        <form
          className="lstats-period__custom"
          onSubmit={(e) => {
            e.preventDefault();
            if (valid) onChange('custom', custom);
          }}
        >
          <label>
            <span>{t('stats.period.from')}</span>
            <input type="date" value={custom.fromDate} max={custom.toDate} onChange={(e) => setCustom({ ...custom, fromDate: e.target.value })} />
          </label>
          <label>
            <span>{t('stats.period.to')}</span>
            <input type="date" value={custom.toDate} min={custom.fromDate} onChange={(e) => setCustom({ ...custom, toDate: e.target.value })} />
          </label>
          <button type="submit" className="lstats-btn" disabled={!valid}>
            {t('stats.period.apply')}
          </button>
          {!valid && (
            <span className="lstats-period__invalid" role="alert">
              {t('stats.period.invalid')}
            </span>
          )}
        </form>
      )}
    </div>
  );
}
