import type { RelatedUseCase, UseCase } from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { NEARBY_RADIUS_KM, useNearby, useRelated } from './case-api.js';
import { listSeparator } from './case-format.js';
import { formatKm } from './use-case-labels.js';
import { CaseRow } from './case-row.js';
import { formatNumber } from '../../lib/format.js';

/** Why a case is related, in words: "Same category", "Shares: PLC, SCADA", "42 km away", "ROI within 5 points". */
export function relatedReasons(t: TFunction, reasons: RelatedUseCase['reasons'], language: Language): string[] {
  const out: string[] = [];
  if (reasons.sameCategory) out.push(t('useCase.related.sameCategory'));
  if (reasons.sameIndustry) out.push(t('useCase.related.sameIndustry'));
  if (reasons.sharedTechnologies.length > 0)
    out.push(t('useCase.related.shares', { list: reasons.sharedTechnologies.join(listSeparator(language)) }));
  if (reasons.distanceKm !== null) {
    out.push(
      reasons.distanceKm < 1
        ? t('useCase.related.veryClose')
        : t('useCase.related.away', { distance: formatKm(reasons.distanceKm, language) }),
    );
  }
  if (reasons.roiDifference !== null) {
    // Rounded up, so "within N points" stays true.
    const points = Math.ceil(Math.abs(reasons.roiDifference));
    out.push(
      points === 0
        ? t('useCase.related.sameRoi')
        : points === 1
          ? t('useCase.related.roiWithinOne')
          : t('useCase.related.roiWithin', { value: formatNumber(points, language) }),
    );
  }
  return out;
}

export function CaseRelated({ useCaseId }: { useCaseId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const related = useRelated(useCaseId);
  return (
    <section className="card" aria-labelledby="related-heading">
      <h2 id="related-heading">{t('useCase.related.title')}</h2>
      {related.isPending ? <Spinner /> : null}
      {related.isError ? <Alert tone="error">{errorMessage(t, related.error)}</Alert> : null}
      {related.data ? (
        related.data.items.length === 0 ? (
          <EmptyState>{t('useCase.related.empty')}</EmptyState>
        ) : (
          <ul className="case-rows">
            {related.data.items.map((item) => {
              const reasons = relatedReasons(t, item.reasons, language);
              return (
                <li key={item.useCase.id}>
                  <CaseRow useCase={item.useCase}>
                    {reasons.length > 0 ? (
                      <p className="reasons">
                        <span className="visually-hidden">{t('useCase.related.why')} </span>
                        {reasons.map((reason) => (
                          <span key={reason} className="reason">
                            {reason}
                          </span>
                        ))}
                      </p>
                    ) : null}
                  </CaseRow>
                </li>
              );
            })}
          </ul>
        )
      ) : null}
    </section>
  );
}

/** Other cases near this one, nearest first; only for cases with coordinates. */
export function CaseNearby({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const hasPoint = useCase.location.latitude !== null && useCase.location.longitude !== null;
  const nearby = useNearby(useCase.id, hasPoint);
  if (!hasPoint) return null;
  const items = nearby.data?.items.filter((item) => item.id !== useCase.id) ?? [];
  return (
    <section className="card" aria-labelledby="nearby-heading">
      <h2 id="nearby-heading">{t('useCase.nearby.title')}</h2>
      <p className="muted">{t('useCase.nearby.within', { distance: formatKm(NEARBY_RADIUS_KM, language) })}</p>
      {nearby.isPending ? <Spinner /> : null}
      {nearby.isError ? <Alert tone="error">{errorMessage(t, nearby.error)}</Alert> : null}
      {nearby.data ? (
        items.length === 0 ? (
          <EmptyState>{t('useCase.nearby.empty')}</EmptyState>
        ) : (
          <ul className="case-rows">
            {items.map((item) => (
              <li key={item.id}>
                <CaseRow useCase={item}>
                  {item.distanceKm !== null && item.distanceKm !== undefined ? (
                    <p className="reasons">
                      <span className="reason">{t('useCase.related.away', { distance: formatKm(item.distanceKm, language) })}</span>
                    </p>
                  ) : null}
                </CaseRow>
              </li>
            ))}
          </ul>
        )
      ) : null}
    </section>
  );
}
