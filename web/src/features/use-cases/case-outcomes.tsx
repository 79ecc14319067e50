import { OUTCOME_KEYS, type UseCase } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/use-language.js';
import { formatOutcome } from './case-format.js';
import { formatMonths } from './use-case-labels.js';
import { formatNumber } from '../../lib/format.js';

/** The measured results as figure tiles: each number with its unit, then the case's own extra measures. */
export function CaseOutcomes({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const reported = OUTCOME_KEYS.flatMap((field) => {
    const value = useCase.outcomes[field];
    return value === null || value === undefined ? [] : [{ field, value }];
  });
  const hasAny = reported.length > 0 || useCase.extraOutcomes.length > 0 || useCase.implementationMonths !== null;
  return (
    <section className="card" aria-labelledby="outcomes-heading">
      <h2 id="outcomes-heading">{t('useCase.outcomes.title')}</h2>
      {!hasAny ? (
        <p className="muted">{t('useCase.outcomes.none')}</p>
      ) : (
        <dl className="tiles">
          {reported.map(({ field, value }) => (
            <div key={field} className={`tile tile--${field}`}>
              <dt className="tile__label">{t(`useCase.outcomes.fields.${field}`)}</dt>
              <dd className="tile__value">{formatOutcome(t, field, value, language)}</dd>
            </div>
          ))}
          {useCase.implementationMonths !== null ? (
            <div className="tile">
              <dt className="tile__label">{t('useCase.outcomes.implementation')}</dt>
              <dd className="tile__value">{formatMonths(useCase.implementationMonths, language)}</dd>
            </div>
          ) : null}
          {useCase.extraOutcomes.map((extra, index) => (
            <div key={`${extra.label}-${index}`} className="tile tile--extra">
              <dt className="tile__label" dir="auto">
                {extra.label}
              </dt>
              <dd className="tile__value">
                {formatNumber(extra.value, language, { maximumFractionDigits: 2 })}
                {extra.unit ? (
                  <>
                    {' '}
                    <bdi>{extra.unit}</bdi>
                  </>
                ) : null}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
