import type { UseCaseSuggestion } from '@p2p/contracts';
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useDebounced } from '../forum/use-debounced.js';
import { useUseCaseSuggestions } from './use-cases-api.js';

interface LibrarySearchBoxProps {
  initialValue?: string;
  onSearch: (q: string) => void;
  /** A technology suggestion narrows the list by that technology instead of searching its name. */
  onTechnology?: (technology: string) => void;
  label?: string;
  /** Extra fields in the same form (the search page's sort). */
  children?: ReactNode;
}

/**
 * The library's search field with suggestions as the user types (ARIA 1.2 combobox with a listbox):
 * arrows move through the suggestions, Enter opens the highlighted one or searches, Escape closes them.
 * A title opens its case; a company, technology or tag is searched for.
 */
export function LibrarySearchBox({ initialValue = '', onSearch, onTechnology, label, children }: LibrarySearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const listboxId = `${id}-suggestions`;
  const [value, setValue] = useState(initialValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(value, 200);
  const suggestions = useUseCaseSuggestions(open ? q : '');
  const items = open && q.trim().length >= 2 ? (suggestions.data?.items ?? []) : [];
  const isExpanded = items.length > 0;

  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const search = (text: string) => {
    close();
    onSearch(text.trim());
  };

  const choose = (suggestion: UseCaseSuggestion) => {
    close();
    if (suggestion.kind === 'title' && suggestion.id) {
      void navigate(`/use-cases/${suggestion.id}`);
    } else if (suggestion.kind === 'technology' && onTechnology) {
      setValue('');
      onTechnology(suggestion.text);
    } else {
      setValue(suggestion.text);
      onSearch(suggestion.text);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!isExpanded) {
        setOpen(true);
        return;
      }
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((index) => {
        const next = index + step;
        if (next >= items.length) return -1;
        if (next < -1) return items.length - 1;
        return next;
      });
    } else if (event.key === 'Escape') {
      if (isExpanded) {
        event.preventDefault();
        close();
      }
    } else if (event.key === 'Enter' && isExpanded && active >= 0 && items[active]) {
      event.preventDefault();
      choose(items[active]);
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    search(value);
  };

  const fieldLabel = label ?? t('useCases.search.label');
  return (
    <form role="search" className="search-box" onSubmit={onSubmit} aria-label={fieldLabel}>
      <div className="search-box__field">
        <label htmlFor={`${id}-input`}>{fieldLabel}</label>
        <div className="search-box__row">
          <div className="search-box__combo">
            <input
              id={`${id}-input`}
              type="search"
              dir="auto"
              role="combobox"
              name="q"
              maxLength={200}
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={isExpanded}
              aria-controls={listboxId}
              aria-activedescendant={isExpanded && active >= 0 ? `${id}-option-${active}` : undefined}
              value={value}
              placeholder={t('useCases.search.placeholder')}
              onChange={(event) => {
                setValue(event.target.value);
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
              onFocus={() => setOpen(true)}
            />
            <ul id={listboxId} role="listbox" aria-label={t('useCases.search.suggestions')} className="suggestions" hidden={!isExpanded}>
              {items.map((suggestion, index) => (
                <li
                  key={`${suggestion.kind}-${suggestion.id ?? suggestion.text}`}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="suggestions__option"
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(suggestion);
                  }}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className="suggestions__kind">{t(`useCases.search.kind.${suggestion.kind}`)}</span>
                  <bdi className="suggestions__text">{suggestion.text}</bdi>
                </li>
              ))}
            </ul>
          </div>
          <button type="submit" className="button button--primary">
            {t('useCases.search.submit')}
          </button>
        </div>
        <span className="visually-hidden" role="status">
          {isExpanded ? t('useCases.search.suggestionsFound', { count: items.length }) : ''}
        </span>
      </div>
      {children}
    </form>
  );
}
