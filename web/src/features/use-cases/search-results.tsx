import type { UseCaseSearchResult } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/ui/feedback.js';
import { Pagination } from '../../components/ui/pagination.js';
import { useLanguage } from '../../lib/use-language.js';
import { UseCaseCard } from './use-case-card.js';
import { formatNumber } from '../../lib/format.js';

/** Search hits with their highlighted title and excerpt, the count and time, and paging. */
export function SearchResults({ result, onPage }: { result: UseCaseSearchResult; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <p className="muted" role="status">
        {t('useCases.search.summary', {
          count: formatNumber(result.total, language),
          ms: formatNumber(Math.round(result.tookMs), language),
        })}
      </p>
      {result.items.length === 0 ? (
        <EmptyState title={t('useCases.search.noResultsTitle')}>{t('useCases.search.noResults')}</EmptyState>
      ) : (
        <ol className="case-list" start={(result.page - 1) * result.pageSize + 1}>
          {result.items.map((hit) => (
            <li key={hit.useCase.id}>
              <UseCaseCard useCase={hit.useCase} highlight={{ title: hit.title, excerpt: hit.excerpt }} />
            </li>
          ))}
        </ol>
      )}
      <Pagination page={result.page} totalPages={result.totalPages} onPage={onPage} />
    </>
  );
}
