import type { UseCaseSuggestion } from '@p2p/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SuggestSearchBox } from '../../components/ui/suggest-search-box.js';
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

const useItems = (q: string) => useUseCaseSuggestions(q).data?.items ?? [];

/** The library's search field with suggestions: a title opens its case; a company, technology or tag is searched for. */
export function LibrarySearchBox({ initialValue = '', onSearch, onTechnology, label, children }: LibrarySearchBoxProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <SuggestSearchBox<UseCaseSuggestion>
      initialValue={initialValue}
      labels={{
        field: label ?? t('useCases.search.label'),
        placeholder: t('useCases.search.placeholder'),
        suggestions: t('useCases.search.suggestions'),
        submit: t('useCases.search.submit'),
        found: (count) => t('useCases.search.suggestionsFound', { count }),
      }}
      useSuggestions={useItems}
      keyOf={(suggestion) => `${suggestion.kind}-${suggestion.id ?? suggestion.text}`}
      kindOf={(suggestion) => t(`useCases.search.kind.${suggestion.kind}`)}
      textOf={(suggestion) => suggestion.text}
      onChoose={(suggestion, setValue) => {
        if (suggestion.kind === 'title' && suggestion.id) {
          void navigate(`/use-cases/${suggestion.id}`);
        } else if (suggestion.kind === 'technology' && onTechnology) {
          setValue('');
          onTechnology(suggestion.text);
        } else {
          setValue(suggestion.text);
          onSearch(suggestion.text);
        }
      }}
      onSearch={onSearch}
    >
      {children}
    </SuggestSearchBox>
  );
}
