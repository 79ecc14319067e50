import type { MentionCandidate } from '@p2p/contracts';
import { type KeyboardEvent, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../../../components/ui/feedback.js';
import { errorMessage } from '../../../lib/form-errors.js';
import { usePeople, usePreview } from '../api.js';
import { type MentionQuery, findMentionQuery, insertMention } from '../mention.js';
import { useDebounced } from '../../../lib/use-debounced.js';
import { useListbox } from '../../../lib/use-listbox.js';
import { MarkdownBody } from '../../../components/content/markdown.js';

interface ComposerProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  disabled?: boolean;
  rows?: number;
  /** Focus the text as the composer appears: only for a form the reader has just opened (Reply, Edit). */
  focusOnOpen?: boolean;
  /** Hide the label visually (it is still the textarea's accessible name). */
  hideLabel?: boolean;
}

type Tab = 'write' | 'preview';

/**
 * A Markdown editor with Write and Preview tabs. Preview is rendered by the server, so it looks exactly
 * like the published post. Typing `@` and two letters suggests people; choosing one writes `@[Name](id)`.
 */
export function Composer({ label, value, onChange, error, disabled, rows = 8, focusOnOpen, hideLabel }: ComposerProps) {
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
  };
  const textarea = useRef<HTMLTextAreaElement>(null);
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const [tab, setTab] = useState<Tab>('write');
  const [mention, setMention] = useState<MentionQuery | null>(null);
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

  const track = (text: string, caret: number) => setMention(findMentionQuery(text, caret));

  const choose = (person: MentionCandidate) => {
    if (!mention || !textarea.current) return;
    const result = insertMention(value, mention, textarea.current.selectionStart, person);
    onChange(result.text);
    setMention(null);
    setPendingCaret(result.caret);
  };

  // A mention is always one of the people shown, so the first is active from the start and Tab takes it too.
  const mentionList = useListbox({
    items: candidates,
    onChoose: choose,
    onClose: () => setMention(null),
    chooseKeys: ['Enter', 'Tab'],
    autoActivate: true,
  });

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
          // Never on page load: set only when the reader pressed Reply or Edit, so focus follows them into the form that appeared.
          // eslint-disable-next-line jsx-a11y/no-autofocus
          autoFocus={focusOnOpen}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          aria-autocomplete="list"
          aria-controls={isOpen ? mentionList.listboxId : undefined}
          aria-activedescendant={mentionList.activeDescendant}
          onChange={(event) => {
            onChange(event.target.value);
            track(event.target.value, event.target.selectionStart);
          }}
          onKeyDown={mentionList.onKeyDown}
          onKeyUp={(event) => {
            if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(event.key))
              track(event.currentTarget.value, event.currentTarget.selectionStart);
          }}
          onClick={(event) => track(event.currentTarget.value, event.currentTarget.selectionStart)}
          onBlur={() => setMention(null)}
        />
        {isOpen ? (
          <ul role="listbox" id={mentionList.listboxId} aria-label={t('forum.composer.people')} className="suggestions composer__people">
            {candidates.map((person, index) => (
              <li key={person.id} {...mentionList.optionProps(index, person)} className="suggestions__option">
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
