import type { Highlight, UseCaseSummary } from '@p2p/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Highlighted } from '../../components/content/highlighted.js';
import { useLanguage } from '../../lib/use-language.js';
import {
  caseSummary,
  caseTitle,
  categoryLabel,
  formatKm,
  formatMonths,
  formatSar,
  industryLabel,
  locationLabel,
} from './use-case-labels.js';
import { formatNumber, formatPercent, organizationName } from '../../lib/format.js';

export function CaseBadges({ useCase }: { useCase: UseCaseSummary }) {
  const { t } = useTranslation();
  return (
    <span className="case-badges">
      {useCase.featured ? <span className="badge badge--featured">{t('useCases.badges.featured')}</span> : null}
      {useCase.verified ? <span className="badge badge--verified">{t('useCases.badges.verified')}</span> : null}
      {useCase.status !== 'published' ? <span className="badge badge--locked">{t(`useCases.status.${useCase.status}`)}</span> : null}
      {useCase.visibility !== 'public' ? (
        <span className="badge badge--private">{t(`useCases.visibility.${useCase.visibility}`)}</span>
      ) : null}
      {useCase.hidden ? <span className="badge badge--hidden">{t('useCases.badges.hidden')}</span> : null}
    </span>
  );
}

/** ROI, payback, savings and investment: only the figures the case reports. */
export function CaseFigures({ useCase }: { useCase: UseCaseSummary }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const figures: Array<{ key: string; label: string; value: string }> = [];
  if (useCase.roiPercent !== null)
    figures.push({ key: 'roi', label: t('useCases.figures.roi'), value: formatPercent(useCase.roiPercent / 100, language, 1) });
  if (useCase.paybackMonths !== null)
    figures.push({ key: 'payback', label: t('useCases.figures.payback'), value: formatMonths(useCase.paybackMonths, language) });
  if (useCase.annualSavingsSar !== null)
    figures.push({
      key: 'savings',
      label: t('useCases.figures.savings'),
      value: formatSar(useCase.annualSavingsSar, language, { compact: true }),
    });
  if (useCase.investmentSar !== null)
    figures.push({
      key: 'investment',
      label: t('useCases.figures.investment'),
      value: formatSar(useCase.investmentSar, language, { compact: true }),
    });
  if (figures.length === 0) return null;
  return (
    <dl className="case-figures">
      {figures.map((figure) => (
        <div key={figure.key} className="case-figures__item">
          <dt>{figure.label}</dt>
          <dd>
            <bdi>{figure.value}</bdi>
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface UseCaseCardProps {
  useCase: UseCaseSummary;
  /** Search results pass the highlighted title and excerpt instead of the plain ones. */
  highlight?: { title: Highlight; excerpt: Highlight } | undefined;
  headingLevel?: 2 | 3;
  /** Extra content at the end of the card (a trending row's numbers, say). */
  footer?: ReactNode;
}

/** One case in a list: title, company, category and industry, technologies, figures, place, badges, counts. */
export function UseCaseCard({ useCase, highlight, headingLevel = 3, footer }: UseCaseCardProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const place = locationLabel(useCase.location, language);
  const hasHighlightedTitle = highlight && highlight.title.length > 0;
  const hasHighlightedExcerpt = highlight && highlight.excerpt.length > 0;
  return (
    <article className="case-card">
      <Heading className="case-card__title">
        <Link to={`/use-cases/${useCase.id}`}>
          {hasHighlightedTitle ? <Highlighted parts={highlight.title} /> : caseTitle(useCase, language)}
        </Link>
      </Heading>
      <p className="case-card__company muted">
        <bdi>{organizationName(useCase.organization, language)}</bdi>
        {' · '}
        {categoryLabel(useCase.category, language)}
        {' · '}
        {industryLabel(useCase.industry, language)}
      </p>
      <CaseBadges useCase={useCase} />
      <p className="case-card__summary">
        {hasHighlightedExcerpt ? <Highlighted parts={highlight.excerpt} /> : caseSummary(useCase, language)}
      </p>
      {useCase.technologies.length > 0 ? (
        <ul className="chips" aria-label={t('useCases.technologies')}>
          {useCase.technologies.map((technology) => (
            <li key={technology} className="chip">
              <bdi>{technology}</bdi>
            </li>
          ))}
        </ul>
      ) : null}
      <CaseFigures useCase={useCase} />
      <p className="case-card__meta muted">
        {place ? <span>{place}</span> : null}
        {useCase.distanceKm !== undefined && useCase.distanceKm !== null ? (
          <span>{t('useCases.distance', { distance: formatKm(useCase.distanceKm, language) })}</span>
        ) : null}
        <span>{t('useCases.likesCount', { value: formatNumber(useCase.likesCount, language) })}</span>
        <span>{t('useCases.viewsCount', { value: formatNumber(useCase.viewsCount, language) })}</span>
      </p>
      {footer}
    </article>
  );
}

/** A list of cards (the browse list, location results). */
export function CaseCardList({ items, start = 1 }: { items: UseCaseSummary[]; start?: number }) {
  return (
    <ol className="case-list" start={start}>
      {items.map((useCase) => (
        <li key={useCase.id}>
          <UseCaseCard useCase={useCase} />
        </li>
      ))}
    </ol>
  );
}
