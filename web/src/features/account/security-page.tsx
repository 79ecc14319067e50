import { changePasswordBodySchema, type SessionInfo } from '@p2p/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n.js';
import { TextField } from '../../components/ui/field.js';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { api } from '../../lib/api-client.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useForm } from '../../lib/use-form.js';
import { describeUserAgent } from './user-agent.js';
import { formatDate } from '../../lib/format.js';

const SESSIONS_KEY = ['me', 'sessions'] as const;

function SessionItem({ session, onRevoke, isRevoking }: { session: SessionInfo; onRevoke: () => void; isRevoking: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const device = describeUserAgent(session.userAgent);
  const name = device ? t('security.browserOn', device) : t('security.unknownDevice');
  return (
    <li className="session">
      <div>
        <p className="session__name">
          {name} {session.isCurrent ? <span className="badge">{t('security.thisDevice')}</span> : null}
        </p>
        <p className="muted">
          {t('security.lastActive', { date: formatDate(session.updatedAt, language, true) })} ·{' '}
          {t('security.signedIn', { date: formatDate(session.createdAt, language, true) })}
        </p>
        <p className="muted">
          {session.ipAddress ? <bdi>{t('security.ipAddress', { ip: session.ipAddress })}</bdi> : null}
          {session.rememberMe ? ` · ${t('security.rememberMe')}` : ''} ·{' '}
          {t('security.expires', { date: formatDate(session.expiresAt, language) })}
        </p>
      </div>
      {session.isCurrent ? null : (
        <button
          type="button"
          className="button button--danger"
          onClick={onRevoke}
          disabled={isRevoking}
          aria-label={`${t('security.revoke')}: ${name}`}
        >
          {isRevoking ? t('security.revoking') : t('security.revoke')}
        </button>
      )}
    </li>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(changePasswordBodySchema);
  const [values, setValues] = useState({ currentPassword: '', newPassword: '' });
  const change = useMutation({
    mutationFn: (body: unknown) => api.post('/api/auth/change-password', body),
    onSuccess: () => {
      setValues({ currentPassword: '', newPassword: '' });
      form.reset();
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
    onError: form.showError,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate({ ...values, revokeOtherSessions: true });
    if (body) change.mutate(body);
  };
  return (
    <section aria-labelledby="change-password" className="card">
      <h2 id="change-password">{t('security.changePasswordTitle')}</h2>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      {change.isSuccess ? <Alert tone="success">{t('security.passwordChanged')}</Alert> : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <TextField
          label={t('security.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          value={values.currentPassword}
          error={form.fields.currentPassword}
          onChange={(e) => setValues({ ...values, currentPassword: e.target.value })}
        />
        <TextField
          label={t('auth.newPassword')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          hint={t('auth.passwordHint')}
          value={values.newPassword}
          error={form.fields.newPassword}
          onChange={(e) => setValues({ ...values, newPassword: e.target.value })}
        />
        <button type="submit" className="button button--primary" disabled={change.isPending}>
          {change.isPending ? t('common.saving') : t('security.changePasswordSubmit')}
        </button>
      </form>
    </section>
  );
}

export function SecurityPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const sessions = useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => api.get<{ items: SessionInfo[] }>('/api/v1/users/me/sessions', signal),
  });
  const [notice, setNotice] = useState<string | null>(null);
  const revoke = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/users/me/sessions/${id}`),
    onSuccess: () => {
      setNotice(t('security.revoked'));
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  const revokeOthers = useMutation({
    mutationFn: () => api.post('/api/auth/revoke-other-sessions'),
    onSuccess: () => {
      setNotice(t('security.revoked'));
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
    },
  });
  const items = sessions.data?.items ?? [];
  const others = items.filter((s) => !s.isCurrent);
  return (
    <div className="stack">
      <PageTitle>{t('security.title')}</PageTitle>
      <section aria-labelledby="sessions" className="card">
        <h2 id="sessions">{t('security.sessionsTitle')}</h2>
        <p>{t('security.sessionsIntro')}</p>
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        {revoke.isError || revokeOthers.isError ? <Alert tone="error">{errorMessage(t, revoke.error ?? revokeOthers.error)}</Alert> : null}
        {sessions.isPending ? <Spinner /> : null}
        {sessions.isError ? (
          <Alert tone="error">
            {errorMessage(t, sessions.error)}{' '}
            <button type="button" className="button button--small" onClick={() => void sessions.refetch()}>
              {t('common.retry')}
            </button>
          </Alert>
        ) : null}
        {sessions.isSuccess ? (
          <>
            <ul className="sessions">
              {items.map((s) => (
                <SessionItem
                  key={s.id}
                  session={s}
                  onRevoke={() => revoke.mutate(s.id)}
                  isRevoking={revoke.isPending && revoke.variables === s.id}
                />
              ))}
            </ul>
            {others.length === 0 ? (
              <p className="muted">{t('security.noOtherSessions')}</p>
            ) : (
              <button type="button" className="button" onClick={() => revokeOthers.mutate()} disabled={revokeOthers.isPending}>
                {t('security.revokeOthers')}
              </button>
            )}
          </>
        ) : null}
      </section>
      <ChangePasswordForm />
    </div>
  );
}
