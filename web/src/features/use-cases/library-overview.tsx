import type { UseCaseTrending } from '@p2p/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { UseCaseCard } from './use-case-card.js';
import { caseTitle, categoryLabel } from './use-case-labels.js';
import { useCategoryStats, useFeaturedUseCases, useTrendingUseCases } from './use-cases-api.js';
import { formatNumber, formatPercent, organizationName } from '../../lib/format.js';

const PERIODS: ReadonlyArray<UseCaseTrending['period']> = ['day', 'week', 'month'];

function FeaturedCases() {
  const { t } = useTranslation();
  const featured = useFeaturedUseCases(4);
  return (
    <section className="card" aria-labelledby="featured-heading">
      <h2 id="featured-heading">{t('useCases.featured.title')}</h2>
      {featured.isPending ? <Spinner /> : null}
      {featured.isError ? <Alert tone="error">{errorMessage(t, featured.error)}</Alert> : null}
      {featured.data && featured.data.items.length === 0 ? <EmptyState>{t('useCases.featured.empty')}</EmptyState> : null}
      {featured.data && featured.data.items.length > 0 ? (
        <ul className="case-grid">
          {featured.data.items.map((useCase) => (
            <li key={useCase.id}>
              <UseCaseCard useCase={useCase} />
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function TrendingCases() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [period, setPeriod] = useState<UseCaseTrending['period']>('week');
  const trending = useTrendingUseCases(period, 5);
  return (
    <section className="card" aria-labelledby="trending-heading" aria-busy={trending.isFetching}>
      <h2 id="trending-heading">{t('useCases.trending.title')}</h2>
      <div className="segmented" role="group" aria-label={t('useCases.trending.period')}>
        {PERIODS.map((entry) => (
          <button key={entry} type="button" className="segmented__button" aria-pressed={period === entry} onClick={() => setPeriod(entry)}>
            {t(`useCases.trending.periods.${entry}`)}
          </button>
        ))}
      </div>
      {trending.isPending ? <Spinner /> : null}
      {trending.isError ? <Alert tone="error">{errorMessage(t, trending.error)}</Alert> : null}
      {trending.data && trending.data.items.length === 0 ? <EmptyState>{t('useCases.trending.empty')}</EmptyState> : null}
      {trending.data && trending.data.items.length > 0 ? (
        <ol className="trending-cases">
          {trending.data.items.map((item) => (
            <li key={item.useCase.id}>
              <Link to={`/use-cases/${item.useCase.id}`} className="trending-cases__title">
                {caseTitle(item.useCase, language)}
              </Link>
              <span className="muted">
                <bdi>{organizationName(item.useCase.organization, language)}</bdi>
                {' · '}
                {t('useCases.trending.activity', { views: formatNumber(item.views, language), likes: formatNumber(item.likes, language) })}
              </span>
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function CategoryStatistics() {
  const { t } = useTranslation();
  const language = useLanguage();
  const stats = useCategoryStats();
  return (
    <section className="card" aria-labelledby="category-stats-heading">
      <h2 id="category-stats-heading">{t('useCases.categoryStats.title')}</h2>
      {stats.isPending ? <Spinner /> : null}
      {stats.isError ? <Alert tone="error">{errorMessage(t, stats.error)}</Alert> : null}
      {stats.data && stats.data.items.length === 0 ? <EmptyState>{t('useCases.categoryStats.empty')}</EmptyState> : null}
      {stats.data && stats.data.items.length > 0 ? (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('useCases.categoryStats.category')}</th>
                <th scope="col">{t('useCases.categoryStats.cases')}</th>
                <th scope="col">{t('useCases.categoryStats.averageRoi')}</th>
                <th scope="col">{t('useCases.categoryStats.views')}</th>
                <th scope="col">{t('useCases.categoryStats.likes')}</th>
                <th scope="col">{t('useCases.categoryStats.saves')}</th>
                <th scope="col">{t('useCases.categoryStats.topTechnologies')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.data.items.map((row) => (
                <tr key={row.category}>
                  <th scope="row">
                    <Link to={`/use-cases?${new URLSearchParams({ category: row.category }).toString()}`}>
                      {categoryLabel(row.category, language)}
                    </Link>
                  </th>
                  <td>{formatNumber(row.count, language)}</td>
                  <td>
                    {row.averageRoiPercent === null ? (
                      t('useCases.notReported')
                    ) : (
                      <bdi>{formatPercent(row.averageRoiPercent / 100, language, 1)}</bdi>
                    )}
                  </td>
                  <td>{formatNumber(row.views, language)}</td>
                  <td>{formatNumber(row.likes, language)}</td>
                  <td>{formatNumber(row.saves, language)}</td>
                  <td>
                    {row.topTechnologies.length === 0
                      ? '—'
                      : row.topTechnologies.map((technology, index) => (
                          <span key={technology.value}>
                            {index > 0 ? (language === 'ar' ? '، ' : ', ') : null}
                            <bdi>{technology.value}</bdi> ({formatNumber(technology.count, language)})
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** What the library's front page shows before anything is filtered: featured, trending, categories. */
export function LibraryOverview() {
  return (
    <>
      <FeaturedCases />
      <TrendingCases />
      <CategoryStatistics />
    </>
  );
}
