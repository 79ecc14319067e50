import type { MentionCandidate } from '@p2p/contracts';
import { type KeyboardEvent, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../../../components/ui/feedback.js';
import { errorMessage } from '../../../lib/form-errors.js';
import { usePeople, usePreview } from '../api.js';
import { type MentionQuery, findMentionQuery, insertMention } from '../mention.js';
import { useDebounced } from '../../../lib/use-debounced.js';
import { MarkdownBody } from '../../../components/content/markdown.js';

interface ComposerProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  rows?: number;
  autoFocus?: boolean;
  /** Hide the label visually (it is still the textarea's accessible name). */
  hideLabel?: boolean;
}

type Tab = 'write' | 'preview';

/**
 * A Markdown editor with Write and Preview tabs. Preview is rendered by the server, so it looks exactly
 * like the published post. Typing `@` and two letters suggests people; choosing one writes `@[Name](id)`.
 */
export function Composer({ label, value, onChange, error, disabled, rows = 8, autoFocus, hideLabel }: ComposerProps) {
  const { t } = useTranslation();
  const id = useId();
  const ids = {
    textarea: `${id}-text`,
    hint: `${id}-hint`,
    error: `${id}-error`,
    writeTab: `${id}-tab-write`,
    previewTab: `${id}-tab-preview`,
    writePanel: `${id}-panel-write`,
    previewPanel: `${id}-panel-preview`,
    listbox: `${id}-people`,
    option: (index: number) => `${id}-person-${index}`,
  };
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const [tab, setTab] = useState<Tab>('write');
  const [mention, setMention] = useState<MentionQuery | null>(null);
  const [active, setActive] = useState(0);
  const [pendingCaret, setPendingCaret] = useState<number | null>(null);

  const query = useDebounced(mention?.query ?? '', 200);
  const people = usePeople(mention && query.length >= 2 ? query : '');
  const candidates: MentionCandidate[] = mention && query.length >= 2 ? (people.data?.items ?? []) : [];
  const isOpen = candidates.length > 0;
  const preview = usePreview(value, tab === 'preview' && value.trim().length > 0);

  useLayoutEffect(() => {
    if (pendingCaret === null || !textarea.current) return;
    textarea.current.focus();
    textarea.current.setSelectionRange(pendingCaret, pendingCaret);
    setPendingCaret(null);
  }, [pendingCaret]);

  useEffect(() => {
    if (active >= candidates.length) setActive(0);
  }, [active, candidates.length]);

  const track = (text: string, caret: number) => setMention(findMentionQuery(text, caret));

  const choose = (person: MentionCandidate) => {
    if (!mention || !textarea.current) return;
    const result = insertMention(value, mention, textarea.current.selectionStart, person);
    onChange(result.text);
    setMention(null);
    setPendingCaret(result.caret);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (!isOpen) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => (i + step + candidates.length) % candidates.length);
    } else if (event.key === 'Enter' || event.key === 'Tab') {
      const person = candidates[active];
      if (person) {
        event.preventDefault();
        choose(person);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setMention(null);
    }
  };

  const selectTab = (next: Tab, focus = false) => {
    setTab(next);
    setMention(null);
    if (focus) tabs.current[next === 'write' ? 0 : 1]?.focus();
  };

  const onTabKey = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key)) {
      event.preventDefault();
      selectTab(event.key === 'Home' ? 'write' : event.key === 'End' ? 'preview' : tab === 'write' ? 'preview' : 'write', true);
    }
  };

  const describedBy = [ids.hint, error ? ids.error : null].filter(Boolean).join(' ');

  return (
    <div className={`field composer${error ? ' field--invalid' : ''}`}>
      <label htmlFor={ids.textarea} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <div role="tablist" aria-label={t('forum.composer.modes', { label })} className="composer__tabs">
        {(['write', 'preview'] as const).map((name, index) => (
          <button
            key={name}
            ref={(el) => {
              tabs.current[index] = el;
            }}
            type="button"
            role="tab"
            id={name === 'write' ? ids.writeTab : ids.previewTab}
            aria-selected={tab === name}
            aria-controls={name === 'write' ? ids.writePanel : ids.previewPanel}
            tabIndex={tab === name ? 0 : -1}
            className="composer__tab"
            onClick={() => selectTab(name)}
            onKeyDown={onTabKey}
          >
            {t(`forum.composer.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={ids.writePanel} aria-labelledby={ids.writeTab} hidden={tab !== 'write'} className="composer__panel">
        <textarea
          ref={textarea}
          id={ids.textarea}
          value={value}
          rows={rows}
          dir="auto"
          disabled={disabled}
          autoFocus={autoFocus}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-autocomplete="list"
          aria-controls={isOpen ? ids.listbox : undefined}
          aria-activedescendant={isOpen ? ids.option(active) : undefined}
          onChange={(event) => {
            onChange(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(event) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key))
              track(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onClick={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setMention(null)}
        />
        {isOpen ? (
          <ul role="listbox" id={ids.listbox} aria-label={t('forum.composer.people')} className="suggestions composer__people">
            {candidates.map((person, index) => (
              <li
                key={person.id}
                id={ids.option(index)}
                role="option"
                aria-selected={index === active}
                className="suggestions__option"
                onMouseDown={(event) => {
                  event.preventDefault();
                  choose(person);
                }}
                onMouseEnter={() => setActive(index)}
              >
                <bdi className="suggestions__text">{person.name}</bdi>
                <bdi className="muted">{[person.jobTitle, person.organizationName].filter(Boolean).join(' · ')}</bdi>
              </li>
            ))}
          </ul>
        ) : null}
        <span className="visually-hidden" role="status">
          {isOpen ? t('forum.composer.peopleFound', { count: candidates.length }) : ''}
        </span>
      </div>
      <div
        role="tabpanel"
        id={ids.previewPanel}
        aria-labelledby={ids.previewTab}
        hidden={tab !== 'preview'}
        className="composer__panel composer__preview"
        tabIndex={0}
      >
        {tab !== 'preview' ? null : value.trim().length === 0 ? (
          <p className="muted">{t('forum.composer.nothingToPreview')}</p>
        ) : preview.isPending ? (
          <Spinner />
        ) : preview.isError ? (
          <Alert tone="error">{errorMessage(t, preview.error)}</Alert>
        ) : (
          <MarkdownBody html={preview.data.html} />
        )}
      </div>
      <p id={ids.hint} className="field__hint">
        {t('forum.composer.hint')}
      </p>
      {error ? (
        <p id={ids.error} className="field__error">
          {error}
        </p>
      ) : null}
    </div>
  );
}
