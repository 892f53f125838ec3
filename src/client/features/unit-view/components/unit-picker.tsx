import { useId, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Agency } from '../../../../shared/contract/meta';
import { foldText } from '../../../../shared/domain/text';
import { useI18n } from '../../../lib/i18n/i18n-context';

const MAX_SHOWN = 12;

/** A searchable unit picker (combobox): type part of a name, diacritics optional; Enter opens the unit. */
export function UnitPicker({ agencies, hrefOf }: { agencies: readonly Agency[]; hrefOf: (id: string) => string }) {
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const listId = useId();
  const [text, setText] = useState('');
  const [active, setActive] = useState(0);
  const terms = foldText(text).split(' ').filter(Boolean);
  const matches = terms.length === 0 ? [] : agencies.filter((a) => {
    const hay = foldText(`${a.name} ${a.shortName}`);
    return terms.every((term) => hay.includes(term));
  });
  const shown = matches.slice(0, MAX_SHOWN);
  const open = shown.length > 0;
  const go = (a: Agency) => {
    setText('');
    void navigate(hrefOf(a.id));
  };
  return (
    <div className="unit-picker">
      <label className="unit-picker__label">
        <span>{t('units.picker.label')}</span>
        <input
          type="search"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open ? `${listId}-${active}` : undefined}
          placeholder={t('units.picker.placeholder')}
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setActive(0);
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') {
              e.preventDefault();
              setActive((i) => Math.min(shown.length - 1, i + 1));
            } else if (e.key === 'ArrowUp') {
              e.preventDefault();
              setActive((i) => Math.max(0, i - 1));
            } else if (e.key === 'Enter' && shown[active]) {
              e.preventDefault();
              go(shown[active]);
            } else if (e.key === 'Escape') setText('');
          }}
        />
      </label>
      {terms.length > 0 && (
        <ul id={listId} role="listbox" className="unit-picker__list" aria-label={t('units.picker.count', fmt.number(matches.length))}>
          {shown.map((a, i) => (
            <li
              key={a.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className="unit-picker__option"
              onMouseDown={(e) => {
                // before the input loses focus
                e.preventDefault();
                go(a);
              }}
            >
              <span>{a.name}</span>
              <span className="unit-picker__kind">{t(`units.group.${a.kind}`)}</span>
            </li>
          ))}
          {matches.length === 0 && <li className="unit-picker__none">{t('units.picker.noMatch')}</li>}
        </ul>
      )}
    </div>
  );
}
