import type { UseCaseEngagement } from '@p2p/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { useEngagement } from './case-api.js';
import { formatDay } from './case-format.js';
import { BarChart, BarList, type ChartPoint } from './charts.js';
import { formatNumber, organizationName } from '../../lib/format.js';

const PERIODS = [7, 30, 90] as const;
const METRICS = ['views', 'likes', 'saves'] as const;
type Metric = (typeof METRICS)[number];

const hourLabel = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

function Charts({ data, metric }: { data: UseCaseEngagement; metric: Metric }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const others = METRICS.filter((m) => m !== metric);
  const daily: ChartPoint[] = data.daily.map((day) => ({
    key: day.date,
    label: formatDay(day.date, language),
    longLabel: formatDay(day.date, language, { dateStyle: 'long' }),
    value: day[metric],
  }));
  // Always 24 hours, in order, even if the server left an hour out.
  const hours: ChartPoint[] = Array.from({ length: 24 }, (_, hour) => ({
    key: String(hour),
    label: hourLabel(hour),
    value: data.peakHours.find((h) => h.hour === hour)?.views ?? 0,
  }));
  return (
    <>
      <BarChart
        title={t('useCase.engagement.dailyTitle', { metric: t(`useCase.engagement.metrics.${metric}`) })}
        points={daily}
        valueLabel={t(`useCase.engagement.metrics.${metric}`)}
        axisLabel={t('useCase.engagement.day')}
        language={language}
        extraColumns={others.map((m) => ({ label: t(`useCase.engagement.metrics.${m}`), values: data.daily.map((d) => d[m]) }))}
        className="chart__svg--daily"
      />
      <BarChart
        title={t('useCase.engagement.peakTitle')}
        points={hours}
        valueLabel={t('useCase.engagement.metrics.views')}
        axisLabel={t('useCase.engagement.hour')}
        language={language}
        className="chart__svg--hours"
      />
      {data.byOrganization.length === 0 ? (
        <p className="muted">{t('useCase.engagement.noOrganizations')}</p>
      ) : (
        <BarList
          title={t('useCase.engagement.byOrganizationTitle')}
          nameLabel={t('useCase.engagement.organization')}
          valueLabel={t('useCase.engagement.metrics.views')}
          language={language}
          items={data.byOrganization.map((row) => ({
            key: row.organization.id,
            label: <bdi>{organizationName(row.organization, language)}</bdi>,
            value: row.views,
          }))}
        />
      )}
    </>
  );
}

/** Views, likes and saves over time, by hour of day and by organization: for the people behind the case. */
export function CaseEngagement({ useCaseId }: { useCaseId: string }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [days, setDays] = useState<number>(30);
  const [metric, setMetric] = useState<Metric>('views');
  const engagement = useEngagement(useCaseId, days, true);
  const data = engagement.data;
  return (
    <section className="card stack" aria-labelledby="engagement-heading" aria-busy={engagement.isFetching}>
      <h2 id="engagement-heading">{t('useCase.engagement.title')}</h2>
      <p className="muted">{t('useCase.engagement.intro')}</p>
      <div className="engagement__controls">
        <div className="segmented" role="group" aria-label={t('useCase.engagement.period')}>
          {PERIODS.map((period) => (
            <button key={period} type="button" className="segmented__button" aria-pressed={days === period} onClick={() => setDays(period)}>
              {t('useCase.engagement.lastDays', { count: period })}
            </button>
          ))}
        </div>
        <div className="segmented" role="group" aria-label={t('useCase.engagement.metric')}>
          {METRICS.map((m) => (
            <button key={m} type="button" className="segmented__button" aria-pressed={metric === m} onClick={() => setMetric(m)}>
              {t(`useCase.engagement.metrics.${m}`)}
            </button>
          ))}
        </div>
      </div>
      {engagement.isPending ? <Spinner /> : null}
      {engagement.isError ? <Alert tone="error">{errorMessage(t, engagement.error)}</Alert> : null}
      {data ? (
        <>
          <dl className="stats">
            {(['views', 'uniqueViewers', 'likes', 'saves'] as const).map((key) => (
              <div key={key}>
                <dt>{t(`useCase.engagement.totals.${key}`)}</dt>
                <dd>{formatNumber(data.totals[key], language)}</dd>
              </div>
            ))}
          </dl>
          {data.totals.views + data.totals.likes + data.totals.saves === 0 ? (
            <EmptyState>{t('useCase.engagement.empty', { count: data.days })}</EmptyState>
          ) : null}
          <Charts data={data} metric={metric} />
        </>
      ) : null}
    </section>
  );
}
