import type { UseCaseSummary } from '@p2p/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLanguage } from '../../lib/use-language.js';
import { formatOutcome, textLang } from './case-format.js';
import { caseTitle, categoryLabel, locationLabel } from './use-case-labels.js';
import { organizationName } from '../../lib/format.js';

/** One case in a short list (related, nearby, saved): title, company, place, ROI, and whatever the list adds. */
export function CaseRow({ useCase, children, headingLevel = 3 }: { useCase: UseCaseSummary; children?: ReactNode; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const Heading = headingLevel === 3 ? 'h3' : 'h4';
  const place = locationLabel(useCase.location, language);
  const title = caseTitle(useCase, language);
  return (
    <article className="case-row">
      {useCase.coverImageUrl ? (
        <img className="case-row__cover" src={useCase.coverImageUrl} alt="" width={72} height={72} loading="lazy" />
      ) : null}
      <div className="case-row__main">
        <Heading className="case-row__title">
          <Link to={`/use-cases/${useCase.id}`} lang={textLang(title)} dir="auto">
            {title}
          </Link>
        </Heading>
        <p className="case-row__meta muted">
          <bdi>{organizationName(useCase.organization, language)}</bdi>
          {' · '}
          {categoryLabel(useCase.category, language)}
          {place ? (
            <>
              {' · '}
              <bdi>{place}</bdi>
            </>
          ) : null}
          {useCase.roiPercent !== null ? (
            <>
              {' · '}
              {t('useCase.related.roi', { value: formatOutcome(t, 'roiPercent', useCase.roiPercent, language) })}
            </>
          ) : null}
        </p>
        {children}
      </div>
    </article>
  );
}
