import { type FormEvent, type KeyboardEvent, type ReactNode, useId, useState } from 'react';
import { useDebounced } from '../../lib/use-debounced.js';
import { useListbox } from '../../lib/use-listbox.js';

export interface SuggestSearchBoxLabels {
  field: string;
  placeholder: string;
  suggestions: string;
  submit: string;
  /** Announced to screen readers while suggestions are shown. */
  found(count: number): string;
}

export interface SuggestSearchBoxProps<T> {
  initialValue?: string;
  labels: SuggestSearchBoxLabels;
  /** The suggestions for the debounced text ('' while the list is closed); called on every render like any hook. */
  useSuggestions: (q: string) => T[];
  keyOf: (item: T) => string;
  kindOf: (item: T) => string;
  textOf: (item: T) => string;
  /** A suggestion was picked (by click or Enter). `setValue` changes the field's text. */
  onChoose: (item: T, setValue: (value: string) => void) => void;
  /** The form was submitted with this (trimmed) text. */
  onSearch: (text: string) => void;
  className?: string;
  /** Extra fields in the same form. */
  children?: ReactNode;
}

/**
 * A search field with suggestions as the user types (ARIA 1.2 combobox with a listbox): arrows move
 * through the suggestions, Enter opens the highlighted one or searches, Escape closes them.
 */
export function SuggestSearchBox<T>({
  initialValue = '',
  labels,
  useSuggestions,
  keyOf,
  kindOf,
  textOf,
  onChoose,
  onSearch,
  className,
  children,
}: SuggestSearchBoxProps<T>) {
  const id = useId();
  const [value, setValue] = useState(initialValue);
  const [open, setOpen] = useState(false);
  const q = useDebounced(value, 200);
  const found = useSuggestions(open ? q : '');
  const items = open && q.trim().length >= 2 ? found : [];
  const isExpanded = items.length > 0;

  const listbox = useListbox({
    items,
    onChoose: (item) => {
      setOpen(false);
      onChoose(item, setValue);
    },
    onClose: () => setOpen(false),
    wrapThroughInput: true,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // With nothing shown, an arrow asks for the suggestions of the text as it stands.
    if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && !isExpanded) setOpen(true);
    else listbox.onKeyDown(event);
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setOpen(false);
    listbox.reset();
    onSearch(value.trim());
  };

  return (
    <form role="search" className={className ?? 'search-box'} onSubmit={onSubmit} aria-label={labels.field}>
      <div className="search-box__field">
        <label htmlFor={`${id}-input`}>{labels.field}</label>
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
              aria-controls={listbox.listboxId}
              aria-activedescendant={listbox.activeDescendant}
              value={value}
              placeholder={labels.placeholder}
              onChange={(event) => {
                setValue(event.target.value);
                setOpen(true);
                listbox.reset();
              }}
              onKeyDown={onKeyDown}
              onBlur={() => setOpen(false)}
              onFocus={() => setOpen(true)}
            />
            <ul id={listbox.listboxId} role="listbox" aria-label={labels.suggestions} className="suggestions" hidden={!isExpanded}>
              {items.map((item, index) => (
                <li key={keyOf(item)} {...listbox.optionProps(index, item)} className="suggestions__option">
                  <span className="suggestions__kind">{kindOf(item)}</span>
                  <bdi className="suggestions__text">{textOf(item)}</bdi>
                </li>
              ))}
            </ul>
          </div>
          <button type="submit" className="button button--primary">
            {labels.submit}
          </button>
        </div>
        <span className="visually-hidden" role="status">
          {isExpanded ? labels.found(items.length) : ''}
        </span>
      </div>
      {children}
    </form>
  );
}
