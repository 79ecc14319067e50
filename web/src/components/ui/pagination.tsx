import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';

export function Pagination({ page, totalPages, onPage }: { page: number; totalPages: number; onPage: (page: number) => void }) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('members.pagination')}>
      <button type="button" className="button button--small" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('members.previous')}
      </button>
      <span aria-live="polite">{t('members.pageOf', { page, total: totalPages })}</span>
      <button type="button" className="button button--small" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        {t('members.next')}
      </button>
    </nav>
  );
}

/** Moves a page kept in the address (`?page=`, left out for the first page), keeping the other parameters. */
export function usePageParam(): (page: number) => void {
  const [params, setParams] = useSearchParams();
  return (page) => {
    const out = new URLSearchParams(params);
    if (page > 1) out.set('page', String(page));
    else out.delete('page');
    setParams(out);
  };
}
