import type { TermKind } from '@p2p/contracts';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDebounced } from '../../lib/use-debounced.js';
import { useListbox } from '../../lib/use-listbox.js';
import { useTerms } from './case-api.js';

interface TermsInputProps {
  label: string;
  hint?: string;
  values: string[];
  onChange: (values: string[]) => void;
  /** Suggest from the shared vocabulary of this kind; without it the input takes free entries only. */
  kind?: TermKind;
  error?: string | undefined;
  max?: number;
  maxLength?: number;
}

const ADD_KEYS = ['Enter', ',', '،'];

const normalise = (value: string, maxLength: number) => value.replace(/\s+/g, ' ').trim().slice(0, maxLength);

/**
 * A list of short terms as removable chips, typed into a combobox (WAI-ARIA 1.2 pattern): suggestions
 * from the vocabulary appear as a listbox, arrows move through them, Enter or a comma adds the choice or
 * the typed text (new terms are welcome), Backspace in the empty input removes the last chip, and every
 * chip has its own remove button. Additions and removals are announced.
 */
export function TermsInput({ label, hint, values, onChange, kind, error, max = 30, maxLength = 60 }: TermsInputProps) {
  const { t } = useTranslation();
  const id = useId();
  const ids = {
    input: `${id}-input`,
    hint: `${id}-hint`,
    error: `${id}-error`,
  };
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const query = useDebounced(text, 200);
  const terms = useTerms(kind ?? 'tag', kind && open ? query : '');
  const taken = new Set(values.map((v) => v.toLowerCase()));
  const options = kind && text.trim() ? (terms.data?.items ?? []).filter((item) => !taken.has(item.name.toLowerCase())).slice(0, 8) : [];
  const isOpen = open && options.length > 0;

  const add = (raw: string) => {
    const value = normalise(raw, maxLength);
    if (!value) return;
    if (taken.has(value.toLowerCase())) {
      setAnnouncement(t('useCase.terms.duplicate', { value }));
    } else if (values.length >= max) {
      setAnnouncement(t('useCase.terms.full', { max }));
    } else {
      onChange([...values, value]);
      setAnnouncement(t('useCase.terms.added', { value }));
    }
    setText('');
    listbox.reset();
    setOpen(false);
  };

  const remove = (value: string) => {
    onChange(values.filter((v) => v !== value));
    setAnnouncement(t('useCase.terms.removed', { value }));
    input.current?.focus();
  };

  // Enter or a comma (Latin or Arabic) adds the highlighted suggestion, or else the typed text.
  const listbox = useListbox({
    items: isOpen ? options : [],
    onChoose: (option) => add(option.name),
    onClose: () => setOpen(false),
    chooseKeys: ADD_KEYS,
  });

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (listbox.onKeyDown(event)) return;
    if (ADD_KEYS.includes(event.key)) {
      if (text.trim()) {
        event.preventDefault();
        add(text);
      } else if (event.key !== 'Enter') {
        event.preventDefault();
      }
    } else if (event.key === 'Backspace' && text === '' && values.length > 0) {
      event.preventDefault();
      remove(values[values.length - 1]!);
    }
  };

  const describedBy = [hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(' ') || undefined;

  return (
    <div className={`field terms${error ? ' field--invalid' : ''}`}>
      <label htmlFor={ids.input}>{label}</label>
      {hint ? (
        <p id={ids.hint} className="field__hint">
          {hint}
        </p>
      ) : null}
      <div className="terms__box">
        {values.length > 0 ? (
          <ul className="term-chips" aria-label={t('useCase.terms.chosen', { label })}>
            {values.map((value) => (
              <li key={value} className="term-chip">
                <bdi>{value}</bdi>
                <button
                  type="button"
                  className="term-chip__remove"
                  aria-label={t('useCase.terms.remove', { value })}
                  onClick={() => remove(value)}
                >
                  <span aria-hidden="true">×</span>
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <input
          ref={input}
          id={ids.input}
          type="text"
          dir="auto"
          role={kind ? 'combobox' : undefined}
          aria-expanded={kind ? isOpen : undefined}
          aria-controls={kind ? listbox.listboxId : undefined}
          aria-autocomplete={kind ? 'list' : undefined}
          aria-activedescendant={listbox.activeDescendant}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          autoComplete="off"
          maxLength={maxLength}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setOpen(true);
            listbox.reset();
          }}
          onKeyDown={onKeyDown}
          onBlur={() => {
            setOpen(false);
            // Whatever was typed and not yet added is kept, as the reader most likely meant it.
            if (text.trim()) add(text);
          }}
        />
      </div>
      {kind ? (
        <ul
          id={listbox.listboxId}
          role="listbox"
          aria-label={t('useCase.terms.suggestions', { label })}
          className="suggestions"
          hidden={!isOpen}
        >
          {isOpen
            ? options.map((option, index) => (
                <li key={option.name} {...listbox.optionProps(index, option)} className="suggestions__option">
                  <bdi className="suggestions__text">{option.name}</bdi>
                  <span className="muted">{t('useCase.terms.uses', { count: option.usesCount })}</span>
                </li>
              ))
            : null}
        </ul>
      ) : null}
      <span className="visually-hidden" role="status">
        {isOpen ? t('useCase.terms.found', { count: options.length }) : announcement}
      </span>
      {error ? (
        <p id={ids.error} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
