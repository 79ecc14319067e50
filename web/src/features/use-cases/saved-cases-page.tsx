import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination, usePageParam } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { useSavedCases, useUnsave } from './case-api.js';
import { CaseRow } from './case-row.js';
import { caseTitle } from './use-case-labels.js';
import './case-styles.css';

/** The reader's bookmarks, newest first, with a way to drop one. */
export function SavedCasesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params] = useSearchParams();
  const setPage = usePageParam();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const saved = useSavedCases(page);
  const unsave = useUnsave();
  return (
    <div className="stack">
      <nav aria-label={t('useCase.breadcrumb')} className="breadcrumb">
        <Link to="/use-cases">{t('useCase.library')}</Link>
      </nav>
      <PageTitle>{t('useCase.saved.title')}</PageTitle>
      <section className="card" aria-busy={saved.isFetching} aria-label={t('useCase.saved.title')}>
        {saved.isPending ? <Spinner /> : null}
        {saved.isError ? <Alert tone="error">{errorMessage(t, saved.error)}</Alert> : null}
        {unsave.error ? <Alert tone="error">{errorMessage(t, unsave.error)}</Alert> : null}
        {saved.data ? (
          saved.data.items.length === 0 ? (
            <EmptyState>
              {t('useCase.saved.empty')} <Link to="/use-cases">{t('useCase.saved.browse')}</Link>
            </EmptyState>
          ) : (
            <>
              <p className="muted">{t('useCase.saved.count', { count: saved.data.total })}</p>
              <ul className="case-rows">
                {saved.data.items.map((item) => (
                  <li key={item.id}>
                    <CaseRow useCase={item} headingLevel={3}>
                      <button
                        type="button"
                        className="button button--small"
                        disabled={unsave.isPending && unsave.variables === item.id}
                        onClick={() => unsave.mutate(item.id)}
                        aria-label={t('useCase.saved.removeNamed', { title: caseTitle(item, language) })}
                      >
                        {t('useCase.saved.remove')}
                      </button>
                    </CaseRow>
                  </li>
                ))}
              </ul>
            </>
          )
        ) : null}
        {saved.data ? <Pagination page={saved.data.page} totalPages={saved.data.totalPages} onPage={setPage} /> : null}
      </section>
    </div>
  );
}
