import type { UseCase } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.js';
import { AuthorName } from '../../components/content/author.js';
import { useLanguage } from '../../lib/use-language.js';
import { ArabicText, formatDay, textLang } from './case-format.js';
import { categoryLabel } from './use-case-labels.js';
import { formatNumber, organizationName } from '../../lib/format.js';

/** Draft, archived and hidden cases say so at the top, with who can see them. */
export function CaseBanners({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const banners: Array<{ key: string; tone: string; text: string }> = [];
  if (useCase.status === 'draft') banners.push({ key: 'draft', tone: 'info', text: t('useCase.banners.draft') });
  if (useCase.status === 'archived') banners.push({ key: 'archived', tone: 'warning', text: t('useCase.banners.archived') });
  if (useCase.hidden) banners.push({ key: 'hidden', tone: 'warning', text: t('useCase.banners.hidden') });
  if (banners.length === 0) return null;
  return (
    <div className="stack stack--tight">
      {banners.map((banner) => (
        <p key={banner.key} className={`case-banner alert alert--${banner.tone}`}>
          <strong>{t(`useCase.status.${banner.key}`)}</strong> {banner.text}
        </p>
      ))}
    </div>
  );
}

export function CaseBadges({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  return (
    <p className="case-flags">
      {useCase.featured ? <span className="badge flag--featured">{t('useCase.badges.featured')}</span> : null}
      {useCase.verified ? <span className="badge flag--verified">{t('useCase.badges.verified')}</span> : null}
      {useCase.visibility !== 'public' ? (
        <span className="badge badge--private">{t(`useCase.visibility.${useCase.visibility}`)}</span>
      ) : null}
    </p>
  );
}

/**
 * Title and summary. The title in the reader's language leads; the other one follows, marked with its
 * language and direction so it reads right in either interface.
 */
export function CaseHeader({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const arabicFirst = language === 'ar' && Boolean(useCase.titleAr);
  const published = useCase.publishedAt ?? useCase.createdAt;
  return (
    <header className="case-header stack stack--tight">
      <nav aria-label={t('useCase.breadcrumb')} className="breadcrumb">
        <Link to="/use-cases">{t('useCase.library')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/use-cases?${new URLSearchParams({ category: useCase.category }).toString()}`}>
          {categoryLabel(useCase.category, language)}
        </Link>
      </nav>
      <CaseBadges useCase={useCase} />
      {arabicFirst && useCase.titleAr ? (
        <>
          <div lang="ar" dir="rtl">
            <PageTitle>{useCase.titleAr}</PageTitle>
          </div>
          <p className="case-header__alt" dir="auto" lang={textLang(useCase.title)}>
            {useCase.title}
          </p>
        </>
      ) : (
        <>
          <div dir="auto" lang={textLang(useCase.title)} className="case-header__title">
            <PageTitle>{useCase.title}</PageTitle>
          </div>
          {useCase.titleAr ? (
            <ArabicText as="p" className="case-header__alt">
              {useCase.titleAr}
            </ArabicText>
          ) : null}
        </>
      )}
      <p className="case-header__meta muted">
        <Link to={`/organizations/${useCase.company.id}`}>
          <bdi>{organizationName(useCase.company, language)}</bdi>
        </Link>
        {useCase.author ? (
          <span>
            {t('useCase.header.by')} <AuthorName author={useCase.author} />
          </span>
        ) : null}
        <span>
          {useCase.publishedAt ? t('useCase.header.published') : t('useCase.header.created')}{' '}
          <time dateTime={published}>{formatDay(published, language, { dateStyle: 'long' })}</time>
        </span>
        <span>{t('useCase.header.views', { count: formatNumber(useCase.viewsCount, language) })}</span>
      </p>
      <div className="case-summary">
        {arabicFirst && useCase.summaryAr ? (
          <>
            <ArabicText as="p" className="lead">
              {useCase.summaryAr}
            </ArabicText>
            <p dir="auto" lang={textLang(useCase.summary)}>
              {useCase.summary}
            </p>
          </>
        ) : (
          <>
            <p className="lead" dir="auto" lang={textLang(useCase.summary)}>
              {useCase.summary}
            </p>
            {useCase.summaryAr ? (
              <ArabicText as="p" className="case-summary__ar">
                {useCase.summaryAr}
              </ArabicText>
            ) : null}
          </>
        )}
      </div>
    </header>
  );
}
