import { INVITATION_STATUSES, LANGUAGES, ORG_ROLES, createInvitationBodySchema, type Invitation } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n.js';
import { SelectField, TextField } from '../../components/ui/field.js';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatDate, formatNumber } from '../../lib/format.js';
import { useForm } from '../../lib/use-form.js';
import { useCreateInvitation, useInvitationAction, useInvitationStats, useInvitations } from './api.js';

function InviteForm() {
  const { t } = useTranslation();
  const form = useForm(createInvitationBodySchema);
  const create = useCreateInvitation();
  // The fields as typed (strings); the shared schema checks them on submit.
  const [values, setValues] = useState<Record<'email' | 'role' | 'message' | 'language', string>>({
    email: '',
    role: 'member',
    message: '',
    language: currentLanguage(),
  });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate({ ...values, message: values.message.trim() || undefined });
    if (!body) return;
    create.mutate(body, {
      onSuccess: () => {
        setSentTo(body.email);
        setValues({ ...values, email: '', message: '' });
        form.reset();
      },
      onError: form.showError,
    });
  };
  return (
    <section className="card" aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invitations.inviteTitle')}</h2>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      {sentTo && !form.formError ? <Alert tone="success">{t('invitations.sent', { email: sentTo })}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t('invitations.email')}
          name="email"
          type="email"
          dir="ltr"
          required
          value={values.email}
          error={form.fields.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
        />
        <div className="form__row">
          <SelectField
            label={t('invitations.role')}
            name="role"
            value={values.role}
            onChange={(e) => setValues({ ...values, role: e.target.value })}
            options={ORG_ROLES.map((r) => ({ value: r, label: t(`members.roles.${r}`) }))}
          />
          <SelectField
            label={t('invitations.language')}
            name="language"
            value={values.language}
            onChange={(e) => setValues({ ...values, language: e.target.value })}
            options={LANGUAGES.map((l) => ({ value: l, label: l === 'ar' ? 'العربية' : 'English' }))}
          />
        </div>
        <div className="field">
          <label htmlFor="invite-message">
            {t('invitations.message')} <span className="field__optional">({t('common.optional')})</span>
          </label>
          <textarea
            id="invite-message"
            name="message"
            rows={3}
            maxLength={1000}
            value={values.message}
            onChange={(e) => setValues({ ...values, message: e.target.value })}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={create.isPending}>
          {create.isPending ? t('invitations.sending') : t('invitations.send')}
        </button>
      </form>
    </section>
  );
}

function InvitationRow({ invitation, onNotice }: { invitation: Invitation; onNotice: (tone: 'success' | 'error', text: string) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const action = useInvitationAction();
  const run = (kind: 'cancel' | 'resend') =>
    action.mutate(
      { id: invitation.id, action: kind, email: invitation.email },
      {
        onSuccess: () =>
          onNotice('success', t(kind === 'cancel' ? 'invitations.cancelled' : 'invitations.resent', { email: invitation.email })),
        onError: (e) => onNotice('error', errorMessage(t, e)),
      },
    );
  return (
    <tr>
      <td dir="ltr" className="cell-ltr">
        {invitation.email}
      </td>
      <td>{t(`members.roles.${invitation.role}`)}</td>
      <td>
        <span className={`status status--${invitation.status}`}>{t(`invitations.statuses.${invitation.status}`)}</span>
      </td>
      <td>{formatDate(invitation.lastSentAt, language)}</td>
      <td>{formatDate(invitation.expiresAt, language)}</td>
      <td>
        {invitation.status === 'pending' || invitation.status === 'expired' ? (
          <div className="actions">
            <button
              type="button"
              className="button button--small"
              disabled={action.isPending}
              onClick={() => run('resend')}
              aria-label={`${t('invitations.resend')}: ${invitation.email}`}
            >
              {t('invitations.resend')}
            </button>
            <button
              type="button"
              className="button button--danger button--small"
              disabled={action.isPending}
              onClick={() => run('cancel')}
              aria-label={`${t('invitations.cancelInvitation')}: ${invitation.email}`}
            >
              {t('invitations.cancelInvitation')}
            </button>
          </div>
        ) : null}
      </td>
    </tr>
  );
}

export function InvitationsPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const [notice, setNotice] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const invitations = useInvitations(status, page);
  const stats = useInvitationStats();
  return (
    <>
      <PageTitle>{t('invitations.title')}</PageTitle>
      <div className="grid grid--wide">
        <InviteForm />
        <section className="card" aria-labelledby="invitation-stats">
          <h2 id="invitation-stats">{t('invitations.statsTitle')}</h2>
          {stats.data ? (
            <dl className="stats">
              <div>
                <dt>{t('invitations.statSent')}</dt>
                <dd>{formatNumber(stats.data.sent, language)}</dd>
              </div>
              <div>
                <dt>{t('invitations.statAccepted')}</dt>
                <dd>{formatNumber(stats.data.accepted, language)}</dd>
              </div>
              <div>
                <dt>{t('invitations.statPending')}</dt>
                <dd>{formatNumber(stats.data.pending, language)}</dd>
              </div>
              <div>
                <dt>{t('invitations.statRate')}</dt>
                <dd>{formatNumber(stats.data.acceptanceRate, language, { style: 'percent', maximumFractionDigits: 0 })}</dd>
              </div>
            </dl>
          ) : (
            <Spinner />
          )}
        </section>
      </div>
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      <section className="card" aria-labelledby="invitation-list">
        <h2 id="invitation-list">{t('invitations.listTitle')}</h2>
        <SelectField
          label={t('invitations.statusFilter')}
          name="status"
          value={status}
          onChange={(e) => {
            setStatus(e.target.value);
            setPage(1);
          }}
          options={[
            { value: '', label: t('invitations.all') },
            ...INVITATION_STATUSES.map((s) => ({ value: s, label: t(`invitations.statuses.${s}`) })),
          ]}
        />
        {invitations.isPending ? <Spinner /> : null}
        {invitations.isError ? <Alert tone="error">{errorMessage(t, invitations.error)}</Alert> : null}
        {invitations.data && invitations.data.items.length === 0 ? <EmptyState>{t('invitations.empty')}</EmptyState> : null}
        {invitations.data && invitations.data.items.length > 0 ? (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('invitations.columnEmail')}</th>
                  <th scope="col">{t('invitations.columnRole')}</th>
                  <th scope="col">{t('invitations.columnStatus')}</th>
                  <th scope="col">{t('invitations.columnSent')}</th>
                  <th scope="col">{t('invitations.columnExpires')}</th>
                  <th scope="col">{t('invitations.columnActions')}</th>
                </tr>
              </thead>
              <tbody>
                {invitations.data.items.map((i) => (
                  <InvitationRow key={i.id} invitation={i} onNotice={(tone, text) => setNotice({ tone, text })} />
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        {invitations.data ? <Pagination page={invitations.data.page} totalPages={invitations.data.totalPages} onPage={setPage} /> : null}
      </section>
    </>
  );
}
