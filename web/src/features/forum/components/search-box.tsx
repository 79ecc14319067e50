import type { ForumSuggestion } from '@p2p/contracts';
import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSuggestions } from '../api.js';
import { useDebounced } from '../use-debounced.js';

interface SearchBoxProps {
  initialValue?: string;
  /** Called with the text when the form is submitted; by default it opens the search page. */
  onSearch?: (q: string) => void;
  /** Extra fields rendered inside the same form (the search page's filters). */
  children?: ReactNode;
  className?: string;
}

/** Where a suggestion leads: a topic opens it, a term searches for it. */
function suggestionPath(s: ForumSuggestion): string {
  return s.kind === 'topic' && s.topicId ? `/forum/topics/${s.topicId}` : `/forum/search?${new URLSearchParams({ q: s.text }).toString()}`;
}

/**
 * The forum's search field with suggestions as the user types (ARIA 1.2 combobox with a listbox):
 * arrows move through suggestions, Enter opens the highlighted one or searches, Escape closes the list.
 */
export function SearchBox({ initialValue = '', onSearch, children, className }: SearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const id = useId();
  const listboxId = `${id}-suggestions`;
  const [value, setValue] = useState(initialValue);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const q = useDebounced(value, 200);
  const suggestions = useSuggestions(open ? q : '');
  const items = open && q.trim().length >= 2 ? (suggestions.data?.items ?? []) : [];
  const isExpanded = items.length > 0;

  const search = (text: string) => {
    const term = text.trim();
    if (!term) return;
    setOpen(false);
    if (onSearch) onSearch(term);
    else void navigate(`/forum/search?${new URLSearchParams({ q: term }).toString()}`);
  };

  const choose = (s: ForumSuggestion) => {
    setOpen(false);
    setActive(-1);
    if (s.kind === 'term') {
      setValue(s.text);
      search(s.text);
    } else {
      void navigate(suggestionPath(s));
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
      setActive((i) => {
        const next = i + step;
        if (next >= items.length) return -1;
        if (next < -1) return items.length - 1;
        return next;
      });
    } else if (event.key === 'Escape') {
      if (isExpanded) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
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

  return (
    <form role="search" className={className ?? 'search-box'} onSubmit={onSubmit} aria-label={t('forum.search.label')}>
      <div className="search-box__field">
        <label htmlFor={`${id}-input`}>{t('forum.search.label')}</label>
        <div className="search-box__row">
          <div className="search-box__combo">
            <input
              id={`${id}-input`}
              type="search"
              dir="auto"
              role="combobox"
              autoComplete="off"
              aria-autocomplete="list"
              aria-expanded={isExpanded}
              aria-controls={listboxId}
              aria-activedescendant={isExpanded && active >= 0 ? `${id}-option-${active}` : undefined}
              value={value}
              placeholder={t('forum.search.placeholder')}
              onChange={(event) => {
                setValue(event.target.value);
                setOpen(true);
                setActive(-1);
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
              onFocus={() => setOpen(true)}
            />
            <ul id={listboxId} role="listbox" aria-label={t('forum.search.suggestions')} className="suggestions" hidden={!isExpanded}>
              {items.map((s, index) => (
                <li
                  key={`${s.kind}-${s.topicId ?? s.text}`}
                  id={`${id}-option-${index}`}
                  role="option"
                  aria-selected={index === active}
                  className="suggestions__option"
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(s);
                  }}
                  onMouseEnter={() => setActive(index)}
                >
                  <span className="suggestions__kind">{t(`forum.search.kind.${s.kind}`)}</span>
                  <bdi className="suggestions__text">{s.text}</bdi>
                </li>
              ))}
            </ul>
          </div>
          <button type="submit" className="button button--primary">
            {t('forum.search.submit')}
          </button>
        </div>
        <span className="visually-hidden" role="status">
          {isExpanded ? t('forum.search.suggestionsFound', { count: items.length }) : ''}
        </span>
      </div>
      {children}
    </form>
  );
}
