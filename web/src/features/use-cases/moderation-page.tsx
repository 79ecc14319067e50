import { REPORT_STATUSES, type ReportAction, type ReportStatus, type UseCaseReport } from '@p2p/contracts';
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { AuthorName } from '../../components/content/author.js';
import { ConfirmAction } from '../../components/ui/confirm-action.js';
import { useLanguage } from '../../lib/use-language.js';
import { useReports, useResolveReport } from './case-api.js';
import { formatDateTime, textLang } from './case-format.js';
import { reportReasonLabel } from './use-case-labels.js';
import './case-styles.css';
import { formatNumber, organizationName } from '../../lib/format.js';

const isStatus = (value: string | null): value is ReportStatus => REPORT_STATUSES.includes(value as ReportStatus);

function ReportEntry({ report }: { report: UseCaseReport }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const resolve = useResolveReport();
  const [note, setNote] = useState('');
  const act = (action: ReportAction) => resolve.mutate({ id: report.id, action, note });
  return (
    <li className="report" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="report__title">
        <Link to={`/use-cases/${report.useCaseId}`} dir="auto" lang={textLang(report.useCaseTitle)}>
          {report.useCaseTitle}
        </Link>
      </h3>
      <p className="report__meta muted">
        <span>
          <bdi>{organizationName(report.organization, language)}</bdi>
        </span>
        <span>
          {t('moderation.reportedBy')} <AuthorName author={report.reporter} />
        </span>
        <time dateTime={report.createdAt}>{formatDateTime(report.createdAt, language)}</time>
      </p>
      <dl className="facts">
        <dt>{t('moderation.reason')}</dt>
        <dd>{reportReasonLabel(report.reason, language)}</dd>
        <dt>{t('moderation.openOnCase')}</dt>
        <dd>{formatNumber(report.openReportsOnCase, language)}</dd>
        {report.details ? (
          <>
            <dt>{t('moderation.details')}</dt>
            <dd className="report__details">{report.details}</dd>
          </>
        ) : null}
        {report.status !== 'open' ? (
          <>
            <dt>{t('moderation.outcome')}</dt>
            <dd>
              {t(`moderation.resolved.${report.status}`)}
              {report.resolvedAt ? (
                <>
                  {' · '}
                  <time dateTime={report.resolvedAt}>{formatDateTime(report.resolvedAt, language)}</time>
                </>
              ) : null}
            </dd>
            {report.resolution ? (
              <>
                <dt>{t('moderation.note')}</dt>
                <dd className="report__details">{report.resolution}</dd>
              </>
            ) : null}
          </>
        ) : null}
      </dl>
      {report.status === 'open' ? (
        <div className="stack stack--tight">
          <div className="field">
            <label htmlFor={`${id}-note`}>
              {t('moderation.note')}
              <span className="field__optional"> ({t('common.optional')})</span>
            </label>
            <textarea
              id={`${id}-note`}
              rows={2}
              maxLength={2000}
              dir="auto"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              aria-describedby={`${id}-note-hint`}
            />
            <p id={`${id}-note-hint`} className="field__hint">
              {t('moderation.noteHint')}
            </p>
          </div>
          <div className="actions" role="group" aria-label={t('moderation.actionsFor', { title: report.useCaseTitle })}>
            <button type="button" className="button button--small" disabled={resolve.isPending} onClick={() => act('dismiss')}>
              {t('moderation.actions.dismiss')}
            </button>
            <button type="button" className="button button--small" disabled={resolve.isPending} onClick={() => act('hide')}>
              {t('moderation.actions.hide')}
            </button>
            <ConfirmAction
              label={t('moderation.actions.remove')}
              question={t('moderation.removeConfirm')}
              confirmLabel={t('moderation.removeYes')}
              pending={resolve.isPending}
              onConfirm={() => act('remove')}
            />
          </div>
          {resolve.error ? <Alert tone="error">{errorMessage(t, resolve.error)}</Alert> : null}
        </div>
      ) : null}
    </li>
  );
}

function StatusTabs({ status, onChange, panelId }: { status: ReportStatus; onChange: (status: ReportStatus) => void; panelId: string }) {
  const { t } = useTranslation();
  const tabs = useRef<Array<HTMLButtonElement | null>>([]);
  const onKey = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const last = REPORT_STATUSES.length - 1;
    // Arrow keys follow the reading direction: the next tab is to the right in English, to the left in Arabic.
    const rtl = document.documentElement.dir === 'rtl';
    const forward = rtl ? 'ArrowLeft' : 'ArrowRight';
    const back = rtl ? 'ArrowRight' : 'ArrowLeft';
    const next =
      event.key === forward
        ? index === last
          ? 0
          : index + 1
        : event.key === back
          ? index === 0
            ? last
            : index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    onChange(REPORT_STATUSES[next]!);
    tabs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={t('moderation.tabs')} className="tabs">
      {REPORT_STATUSES.map((value, index) => (
        <button
          key={value}
          ref={(el) => {
            tabs.current[index] = el;
          }}
          type="button"
          role="tab"
          className="tab"
          id={`${panelId}-tab-${value}`}
          aria-selected={status === value}
          aria-controls={panelId}
          tabIndex={status === value ? 0 : -1}
          onClick={() => onChange(value)}
          onKeyDown={(event) => onKey(event, index)}
        >
          {t(`moderation.status.${value}`)}
        </button>
      ))}
    </div>
  );
}

/** The report queue for platform moderators: open reports to act on, and the resolved ones by outcome. */
export function ModerationPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const panelId = useId();
  const [params, setParams] = useSearchParams();
  const requested = params.get('status');
  const status: ReportStatus = isStatus(requested) ? requested : 'open';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const isModerator = me?.platformRole === 'moderator' || me?.platformRole === 'superadmin';
  const reports = useReports(status, page, isModerator);

  if (!isModerator) {
    return (
      <div className="stack">
        <PageTitle>{t('moderation.forbiddenTitle')}</PageTitle>
        <Alert tone="error">{t('moderation.forbidden')}</Alert>
        <p>
          <Link to="/dashboard">{t('moderation.backToDashboard')}</Link>
        </p>
      </div>
    );
  }

  const go = (next: { status?: ReportStatus; page?: number }) => {
    const out = new URLSearchParams(params);
    const nextStatus = next.status ?? status;
    if (nextStatus === 'open') out.delete('status');
    else out.set('status', nextStatus);
    const nextPage = next.page ?? 1;
    if (nextPage > 1) out.set('page', String(nextPage));
    else out.delete('page');
    setParams(out);
  };

  return (
    <div className="stack">
      <PageTitle>{t('moderation.title')}</PageTitle>
      <p className="muted">{t('moderation.intro')}</p>
      <StatusTabs status={status} onChange={(s) => go({ status: s })} panelId={panelId} />
      <section id={panelId} role="tabpanel" aria-labelledby={`${panelId}-tab-${status}`} className="card" aria-busy={reports.isFetching}>
        {reports.isPending ? <Spinner /> : null}
        {reports.isError ? <Alert tone="error">{errorMessage(t, reports.error)}</Alert> : null}
        {reports.data ? (
          reports.data.items.length === 0 ? (
            <EmptyState>{t(`moderation.empty.${status}`)}</EmptyState>
          ) : (
            <ul className="reports">
              {reports.data.items.map((report) => (
                <ReportEntry key={report.id} report={report} />
              ))}
            </ul>
          )
        ) : null}
        {reports.data ? <Pagination page={reports.data.page} totalPages={reports.data.totalPages} onPage={(p) => go({ page: p })} /> : null}
      </section>
    </div>
  );
}
