import { type InvitationPreview, type Me, acceptInvitationBodySchema } from '@p2p/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { applyLanguage, currentLanguage } from '../../app/i18n.js';
import { TextField } from '../../components/ui/field.js';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { api } from '../../lib/api-client.js';
import { errorMessage } from '../../lib/form-errors.js';
import { ME_KEY, SIGNED_OUT_KEY, useMe } from '../../lib/session.js';
import { useForm } from '../../lib/use-form.js';
import { formatDate, organizationName } from '../../lib/format.js';

/** Where the invitation email's link lands: who invited whom to which company, and a form to join. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  const preview = useQuery({
    queryKey: ['invitation-preview', token],
    queryFn: ({ signal }) => api.get<InvitationPreview>(`/api/v1/invitations/validate/${encodeURIComponent(token)}`, signal),
    enabled: token.length > 0,
    retry: false,
  });
  const form = useForm(acceptInvitationBodySchema);
  const [values, setValues] = useState({ firstName: '', lastName: '', password: '' });
  const accept = useMutation({
    mutationFn: (body: unknown) => api.post<Me>('/api/v1/invitations/accept', body),
    onSuccess: async (user) => {
      queryClient.removeQueries({ queryKey: SIGNED_OUT_KEY });
      queryClient.setQueryData(ME_KEY, user);
      await applyLanguage(user.language);
      await navigate('/dashboard', { replace: true });
    },
    onError: form.showError,
  });

  if (!token) {
    return (
      <div className="card card--narrow">
        <PageTitle>{t('accept.title')}</PageTitle>
        <Alert tone="error">{t('accept.missingToken')}</Alert>
      </div>
    );
  }
  if (preview.isPending) return <Spinner />;
  if (preview.isError) {
    return (
      <div className="card card--narrow">
        <PageTitle>{t('accept.title')}</PageTitle>
        <Alert tone="error">{errorMessage(t, preview.error)}</Alert>
        <Link to="/sign-in">{t('auth.signInLink')}</Link>
      </div>
    );
  }
  const invitation = preview.data;
  const language = currentLanguage();
  const organization = organizationName(invitation.organization, language);
  const role = t(`members.roles.${invitation.role}`);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate({ ...values, token, language });
    if (body) accept.mutate(body);
  };
  return (
    <div className="card card--narrow">
      <PageTitle>{t('accept.title')}</PageTitle>
      <div className="invite-card">
        {invitation.organization.logoUrl ? (
          <img src={invitation.organization.logoUrl} alt={t('organization.logoAlt', { name: organization })} width={56} height={56} />
        ) : null}
        <p>
          {invitation.invitedBy
            ? t('accept.invitedBy', { inviter: invitation.invitedBy.name, organization, role })
            : t('accept.invitedNoInviter', { organization, role })}
        </p>
      </div>
      {invitation.message ? (
        <figure className="quote">
          <figcaption>{t('accept.message')}</figcaption>
          <blockquote>{invitation.message}</blockquote>
        </figure>
      ) : null}
      <p className="muted">
        {t('accept.email', { email: invitation.email })} {t('accept.expires', { date: formatDate(invitation.expiresAt, language) })}
      </p>
      {me ? <Alert tone="info">{t('accept.signedInAs', { email: me.email })}</Alert> : null}
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <div className="form__row">
          <TextField
            label={t('auth.firstName')}
            name="firstName"
            autoComplete="given-name"
            required
            value={values.firstName}
            error={form.fields.firstName}
            onChange={(e) => setValues({ ...values, firstName: e.target.value })}
          />
          <TextField
            label={t('auth.lastName')}
            name="lastName"
            autoComplete="family-name"
            required
            value={values.lastName}
            error={form.fields.lastName}
            onChange={(e) => setValues({ ...values, lastName: e.target.value })}
          />
        </div>
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('auth.passwordHint')}
          value={values.password}
          error={form.fields.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <button type="submit" className="button button--primary button--block" disabled={accept.isPending || Boolean(me)}>
          {accept.isPending ? t('accept.submitting') : t('accept.submit', { organization })}
        </button>
      </form>
    </div>
  );
}
