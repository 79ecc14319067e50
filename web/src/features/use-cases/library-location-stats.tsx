import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { placeLabel, regionLabel } from './use-case-labels.js';
import { useLocationStatistics } from './use-cases-api.js';
import { formatNumber, formatPercent } from '../../lib/format.js';

/** Cases by region: count (with a bar), average ROI and the busiest cities. */
export function LocationStatisticsTable({ regionHref }: { regionHref: (region: string) => string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const stats = useLocationStatistics();
  const regions = [...(stats.data?.regions ?? [])].sort((a, b) => b.count - a.count);
  const largest = Math.max(1, ...regions.map((row) => row.count));
  return (
    <section className="card" aria-labelledby="location-stats-heading">
      <h2 id="location-stats-heading">{t('useCases.location.statsTitle')}</h2>
      {stats.isPending ? <Spinner /> : null}
      {stats.isError ? <Alert tone="error">{errorMessage(t, stats.error)}</Alert> : null}
      {stats.data && regions.length === 0 ? <EmptyState>{t('useCases.location.statsEmpty')}</EmptyState> : null}
      {stats.data && regions.length > 0 ? (
        <div className="table-wrap">
          <table className="table region-stats">
            <thead>
              <tr>
                <th scope="col">{t('useCases.location.region')}</th>
                <th scope="col">{t('useCases.categoryStats.cases')}</th>
                <th scope="col">{t('useCases.categoryStats.averageRoi')}</th>
                <th scope="col">{t('useCases.location.topCities')}</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((row) => (
                <tr key={row.region}>
                  <th scope="row">
                    <Link to={regionHref(row.region)}>{regionLabel(row.region, language)}</Link>
                  </th>
                  <td>
                    <span className="bar-cell">
                      <span className="bar-cell__value">{formatNumber(row.count, language)}</span>
                      <span
                        className="bar-cell__bar"
                        aria-hidden="true"
                        style={{ inlineSize: `${Math.round((row.count / largest) * 100)}%` }}
                      />
                    </span>
                  </td>
                  <td>
                    {row.averageRoiPercent === null ? (
                      t('useCases.notReported')
                    ) : (
                      <bdi>{formatPercent(row.averageRoiPercent / 100, language, 1)}</bdi>
                    )}
                  </td>
                  <td>
                    {row.cities.length === 0
                      ? '—'
                      : row.cities
                          .map((city) => `${placeLabel(city.value, language)} (${formatNumber(city.count, language)})`)
                          .join(language === 'ar' ? '، ' : ', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {stats.data && stats.data.withoutRegion > 0 ? (
        <p className="muted">{t('useCases.location.withoutRegion', { count: formatNumber(stats.data.withoutRegion, language) })}</p>
      ) : null}
    </section>
  );
}
