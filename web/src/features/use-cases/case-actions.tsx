import type { UseCase } from '@p2p/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { ConfirmAction } from '../../components/ui/confirm-action.js';
import { useLanguage } from '../../lib/use-language.js';
import {
  type ModerationFlags,
  SINGLE_EXPORTS,
  exportUrl,
  useDeleteCase,
  useModerateCase,
  usePublishCase,
  useToggle,
  useUpdateCase,
} from './case-api.js';
import { CaseReportDialog } from './case-report-dialog.js';
import { formatNumber } from '../../lib/format.js';

function HeartIcon({ filled }: { filled: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill={filled ? 'currentColor' : 'none'}
        stroke="currentColor"
        strokeWidth="2"
        d="M12 21s-7.5-4.6-9.6-9.1C1 8.8 2.9 5 6.6 5c2.2 0 3.6 1.2 4.4 2.5C11.8 6.2 13.2 5 15.4 5c3.7 0 5.6 3.8 4.2 6.9C19.5 16.4 12 21 12 21Z"
      />
    </svg>
  );
}

function BookmarkIcon({ filled }: { filled: boolean }) {
  return (
    <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path fill={filled ? 'currentColor' : 'none'} stroke="currentColor" strokeWidth="2" d="M6 3h12v18l-6-4-6 4V3Z" />
    </svg>
  );
}

function Toggle({
  pressed,
  label,
  count,
  icon,
  onToggle,
  pending,
}: {
  pressed: boolean;
  label: string;
  count: number;
  icon: ReactNode;
  onToggle: () => void;
  pending: boolean;
}) {
  const language = useLanguage();
  return (
    <button
      type="button"
      className={`button button--small like${pressed ? ' like--on' : ''}`}
      aria-pressed={pressed}
      onClick={onToggle}
      disabled={pending}
    >
      {icon}
      <span>{label}</span>
      <span className="like__count">{formatNumber(count, language)}</span>
    </button>
  );
}

/** Like, save, report and export: what every reader may do. */
export function CaseReaderActions({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const { data: me } = useMe();
  const like = useToggle(useCase.id, 'like');
  const save = useToggle(useCase.id, 'save');
  const error = like.error ?? save.error;
  return (
    <div className="stack stack--tight">
      <div className="actions">
        {useCase.can.like ? (
          <>
            <Toggle
              pressed={useCase.likedByMe}
              label={t('useCase.actions.like')}
              count={useCase.likesCount}
              icon={<HeartIcon filled={useCase.likedByMe} />}
              onToggle={() => like.mutate()}
              pending={like.isPending}
            />
            <Toggle
              pressed={useCase.savedByMe}
              label={t('useCase.actions.save')}
              count={useCase.savesCount}
              icon={<BookmarkIcon filled={useCase.savedByMe} />}
              onToggle={() => save.mutate()}
              pending={save.isPending}
            />
          </>
        ) : (
          <p className="muted case-counts">
            <span>{t('useCase.actions.likesCount', { count: formatNumber(useCase.likesCount, language) })}</span>
            <span>{t('useCase.actions.savesCount', { count: formatNumber(useCase.savesCount, language) })}</span>
          </p>
        )}
        <CaseReportDialog useCase={useCase} />
      </div>
      {!me ? (
        <p className="muted">
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('useCase.actions.signInToReact')}</Link>
        </p>
      ) : null}
      {useCase.savedByMe && me ? (
        <p className="muted">
          <Link to="/use-cases/saved">{t('useCase.actions.seeSaved')}</Link>
        </p>
      ) : null}
      <p className="export-links">
        <span>{t('useCase.actions.export')}</span>
        {SINGLE_EXPORTS.map((format) => (
          <a
            key={format}
            className="button button--small"
            href={exportUrl(useCase.id, format)}
            download
            aria-label={t('useCase.actions.exportAs', { format: t(`useCase.formats.${format}`) })}
          >
            {t(`useCase.formats.${format}`)}
          </a>
        ))}
      </p>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </div>
  );
}

/** Edit, publish, archive and delete, for the people allowed to. */
export function CaseOwnerActions({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const publish = usePublishCase(useCase.id);
  const update = useUpdateCase(useCase.id);
  const remove = useDeleteCase(useCase.id);
  const { can, status } = useCase;
  if (!can.edit && !can.publish && !can.delete) return null;
  const error = publish.error ?? update.error ?? remove.error;
  return (
    <div className="actions" role="group" aria-label={t('useCase.actions.manage')}>
      {can.edit ? (
        <Link className="button button--small" to={`/use-cases/${useCase.id}/edit`}>
          {t('useCase.actions.edit')}
        </Link>
      ) : null}
      {can.publish && status === 'draft' ? (
        <button
          type="button"
          className="button button--small button--primary"
          disabled={publish.isPending}
          onClick={() => publish.mutate()}
        >
          {t('useCase.actions.publish')}
        </button>
      ) : null}
      {can.edit && status === 'published' ? (
        <button
          type="button"
          className="button button--small"
          disabled={update.isPending}
          onClick={() => update.mutate({ status: 'archived' })}
        >
          {t('useCase.actions.archive')}
        </button>
      ) : null}
      {can.publish && status === 'archived' ? (
        <button
          type="button"
          className="button button--small"
          disabled={update.isPending}
          onClick={() => update.mutate({ status: 'published' })}
        >
          {t('useCase.actions.republish')}
        </button>
      ) : null}
      {can.delete ? (
        <ConfirmAction
          label={t('useCase.actions.delete')}
          question={t('useCase.actions.deleteConfirm')}
          confirmLabel={t('useCase.actions.deleteYes')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/use-cases', { replace: true }) })}
        />
      ) : null}
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    </div>
  );
}

/** Featured, verified and hidden: the platform moderators' switches. */
export function CaseModeratorControls({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const moderate = useModerateCase(useCase.id);
  if (!useCase.can.moderate) return null;
  const flags: Array<keyof ModerationFlags> = ['featured', 'verified', 'hidden'];
  return (
    <section className="card moderator-panel" aria-labelledby="moderator-heading">
      <h2 id="moderator-heading">{t('useCase.moderator.title')}</h2>
      <p className="muted">{t('useCase.moderator.intro')}</p>
      <div className="actions">
        {flags.map((flag) => (
          <button
            key={flag}
            type="button"
            className="button button--small like"
            aria-pressed={useCase[flag]}
            disabled={moderate.isPending}
            onClick={() => moderate.mutate({ [flag]: !useCase[flag] })}
          >
            {t(`useCase.moderator.${flag}`)}
          </button>
        ))}
      </div>
      {moderate.error ? <Alert tone="error">{errorMessage(t, moderate.error)}</Alert> : null}
    </section>
  );
}
