import type { ForumCategory, ForumTrending } from '@p2p/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatNumber, formatPercent } from '../../lib/format.js';
import { useMe } from '../../lib/session.js';
import { useCategories, useForumStats, useTrending } from './api.js';
import { RelativeTime } from '../../components/content/relative-time.js';
import { SearchBox } from './components/search-box.js';
import { TopicList } from './components/topic-list.js';
import { TRENDING_PERIODS } from './constants.js';
import { categoryDescription, categoryName } from './format.js';
import { useLanguage } from '../../lib/use-language.js';

function CategoryCard({ category, isCurrent }: { category: ForumCategory; isCurrent: boolean }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const description = categoryDescription(category, language);
  return (
    <li className={`category${isCurrent ? ' category--current' : ''}`}>
      <h3 className="category__name">
        <Link to={`/forum?${new URLSearchParams({ categoryId: category.id }).toString()}`} aria-current={isCurrent ? 'true' : undefined}>
          {categoryName(category, language)}
        </Link>
        {category.organizationId ? <span className="badge badge--private">{t('forum.private')}</span> : null}
      </h3>
      {description ? <p className="category__description">{description}</p> : null}
      <p className="category__meta muted">
        <span>{t('forum.topicsLabel', { count: formatNumber(category.topicsCount, language) })}</span>
        <span>{t('forum.postsLabel', { count: formatNumber(category.postsCount, language) })}</span>
        {category.lastActivityAt ? (
          <span>
            {t('forum.lastActivity')} <RelativeTime value={category.lastActivityAt} />
          </span>
        ) : null}
      </p>
    </li>
  );
}

function Categories({ categories, currentId }: { categories: ForumCategory[]; currentId: string }) {
  const { t } = useTranslation();
  return (
    <section className="card" aria-labelledby="categories-heading">
      <h2 id="categories-heading">{t('forum.categories')}</h2>
      {categories.length === 0 ? (
        <EmptyState>{t('forum.noCategories')}</EmptyState>
      ) : (
        <ul className="categories">
          {categories.map((c) => (
            <CategoryCard key={c.id} category={c} isCurrent={c.id === currentId} />
          ))}
        </ul>
      )}
    </section>
  );
}

function Stats() {
  const { t } = useTranslation();
  const language = useLanguage();
  const stats = useForumStats();
  return (
    <section className="card" aria-labelledby="forum-stats-heading">
      <h2 id="forum-stats-heading">{t('forum.stats.title')}</h2>
      {stats.isPending ? <Spinner /> : null}
      {stats.isError ? <Alert tone="error">{errorMessage(t, stats.error)}</Alert> : null}
      {stats.data ? (
        <dl className="stats stats--compact">
          <div>
            <dt>{t('forum.stats.topics')}</dt>
            <dd>{formatNumber(stats.data.topics, language)}</dd>
          </div>
          <div>
            <dt>{t('forum.stats.posts')}</dt>
            <dd>{formatNumber(stats.data.posts, language)}</dd>
          </div>
          <div>
            <dt>{t('forum.stats.activeMembers')}</dt>
            <dd>{formatNumber(stats.data.activeMembers, language)}</dd>
          </div>
          <div>
            <dt>{t('forum.stats.solved')}</dt>
            <dd>{formatPercent(stats.data.solvedShare, language)}</dd>
          </div>
        </dl>
      ) : null}
    </section>
  );
}

function Trending() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [period, setPeriod] = useState<ForumTrending['period']>('week');
  const trending = useTrending(period);
  return (
    <section className="card" aria-labelledby="trending-heading">
      <h2 id="trending-heading">{t('forum.trending.title')}</h2>
      <div className="segmented" role="group" aria-label={t('forum.trending.period')}>
        {TRENDING_PERIODS.map((p) => (
          <button key={p} type="button" className="segmented__button" aria-pressed={p === period} onClick={() => setPeriod(p)}>
            {t(`forum.trending.periods.${p}`)}
          </button>
        ))}
      </div>
      {trending.isPending ? <Spinner /> : null}
      {trending.isError ? <Alert tone="error">{errorMessage(t, trending.error)}</Alert> : null}
      {trending.data ? (
        trending.data.items.length === 0 ? (
          <p className="muted">{t('forum.trending.empty')}</p>
        ) : (
          <ol className="trending" aria-busy={trending.isFetching}>
            {trending.data.items.map((item) => (
              <li key={item.term}>
                <Link to={`/forum/search?${new URLSearchParams({ q: item.term }).toString()}`}>
                  <bdi>{item.term}</bdi>
                </Link>{' '}
                <span className="muted">{t('forum.trending.searches', { count: formatNumber(item.count, language) })}</span>
              </li>
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}

/** The forum's front page: categories, numbers, trending searches, search, and the filtered topic list. */
export function ForumPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const categories = useCategories();
  const { data: me } = useMe();
  const categoryId = params.get('categoryId') ?? '';
  return (
    <div className="stack">
      <div className="page-head">
        <PageTitle>{t('forum.title')}</PageTitle>
        <div className="actions">
          {me?.platformRole === 'superadmin' ? (
            <Link className="button" to="/forum/categories">
              {t('forum.categoriesAdmin.title')}
            </Link>
          ) : null}
          <Link
            className="button button--primary"
            to={categoryId ? `/forum/new?${new URLSearchParams({ categoryId }).toString()}` : '/forum/new'}
          >
            {t('forum.newTopic')}
          </Link>
        </div>
      </div>
      <SearchBox />
      <div className="forum-layout">
        <div className="stack forum-layout__main">
          {categories.isPending ? <Spinner /> : null}
          {categories.isError ? <Alert tone="error">{errorMessage(t, categories.error)}</Alert> : null}
          {categories.data ? (
            <>
              <Categories categories={categories.data.items} currentId={categoryId} />
              <TopicList categories={categories.data.items} />
            </>
          ) : null}
        </div>
        <aside className="stack forum-layout__side" aria-label={t('forum.sidebar')}>
          <Stats />
          <Trending />
        </aside>
      </div>
    </div>
  );
}
