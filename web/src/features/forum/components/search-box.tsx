import type { ForumSuggestion } from '@p2p/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SuggestSearchBox } from '../../../components/ui/suggest-search-box.js';
import { useSuggestions } from '../api.js';

interface SearchBoxProps {
  initialValue?: string;
  /** Called with the text when the form is submitted; by default it opens the search page. */
  onSearch?: (q: string) => void;
  /** Extra fields rendered inside the same form (the search page's filters). */
  children?: ReactNode;
  className?: string;
}

const useItems = (q: string) => useSuggestions(q).data?.items ?? [];

/** The forum's search field with suggestions: a topic opens it, a popular search term searches for it. */
export function SearchBox({ initialValue = '', onSearch, children, className }: SearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const search = (term: string) => {
    if (!term) return;
    if (onSearch) onSearch(term);
    else void navigate(`/forum/search?${new URLSearchParams({ q: term }).toString()}`);
  };
  return (
    <SuggestSearchBox<ForumSuggestion>
      initialValue={initialValue}
      className={className}
      labels={{
        field: t('forum.search.label'),
        placeholder: t('forum.search.placeholder'),
        suggestions: t('forum.search.suggestions'),
        submit: t('forum.search.submit'),
        found: (count) => t('forum.search.suggestionsFound', { count }),
      }}
      useSuggestions={useItems}
      keyOf={(s) => `${s.kind}-${s.topicId ?? s.text}`}
      kindOf={(s) => t(`forum.search.kind.${s.kind}`)}
      textOf={(s) => s.text}
      onChoose={(s, setValue) => {
        if (s.kind === 'topic' && s.topicId) {
          void navigate(`/forum/topics/${s.topicId}`);
          return;
        }
        setValue(s.text);
        search(s.text);
      }}
      onSearch={search}
    >
      {children}
    </SuggestSearchBox>
  );
}
