import { requestPasswordResetBodySchema, resetPasswordBodySchema } from '@p2p/contracts';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { TextField } from '../../components/ui/field.js';
import { Alert } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { api, isApiError } from '../../lib/api-client.js';
import { useForm } from '../../lib/use-form.js';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const form = useForm(requestPasswordResetBodySchema);
  const [email, setEmail] = useState('');
  const request = useMutation({
    mutationFn: (body: unknown) => api.post('/api/auth/request-password-reset', body),
    onError: form.showError,
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate({ email });
    if (body) request.mutate(body);
  };
  return (
    <div className="card card--narrow">
      <PageTitle>{t('auth.forgotTitle')}</PageTitle>
      {request.isSuccess ? (
        <Alert tone="success">{t('auth.forgotSent', { email })}</Alert>
      ) : (
        <>
          <p>{t('auth.forgotIntro')}</p>
          {form.formError ? (
            <Alert tone="error" requestId={form.formError.requestId}>
              {form.formError.message}
            </Alert>
          ) : null}
          <form onSubmit={onSubmit} noValidate className="form">
            <TextField
              label={t('auth.email')}
              name="email"
              type="email"
              autoComplete="email"
              required
              value={email}
              error={form.fields.email}
              onChange={(e) => setEmail(e.target.value)}
            />
            <button type="submit" className="button button--primary button--block" disabled={request.isPending}>
              {t('auth.forgotSubmit')}
            </button>
          </form>
        </>
      )}
      <p>
        <Link to="/sign-in">{t('auth.signInLink')}</Link>
      </p>
    </div>
  );
}

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token');
  const form = useForm(resetPasswordBodySchema);
  const [values, setValues] = useState({ newPassword: '', confirm: '' });
  const reset = useMutation({ mutationFn: (body: unknown) => api.post('/api/auth/reset-password', body), onError: form.showError });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const mismatch = values.confirm !== values.newPassword ? [{ path: 'confirm', code: 'PASSWORDS_DONT_MATCH' }] : [];
    const body = form.validate({ token, newPassword: values.newPassword }, mismatch);
    if (body) reset.mutate(body);
  };
  if (!token) {
    return (
      <div className="card card--narrow">
        <PageTitle>{t('auth.resetTitle')}</PageTitle>
        <Alert tone="error">{t('auth.resetMissingToken')}</Alert>
        <Link to="/forgot-password">{t('auth.requestNewLink')}</Link>
      </div>
    );
  }
  return (
    <div className="card card--narrow">
      <PageTitle>{t('auth.resetTitle')}</PageTitle>
      {reset.isSuccess ? (
        <>
          <Alert tone="success">{t('auth.resetDone')}</Alert>
          <Link className="button button--primary" to="/sign-in">
            {t('auth.signInLink')}
          </Link>
        </>
      ) : (
        <>
          {form.formError ? (
            <Alert tone="error" requestId={form.formError.requestId}>
              {form.formError.message}
            </Alert>
          ) : null}
          <form onSubmit={onSubmit} noValidate className="form">
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
            <TextField
              label={t('auth.confirmPassword')}
              name="confirm"
              type="password"
              autoComplete="new-password"
              required
              value={values.confirm}
              error={form.fields.confirm}
              onChange={(e) => setValues({ ...values, confirm: e.target.value })}
            />
            <button type="submit" className="button button--primary button--block" disabled={reset.isPending}>
              {t('auth.resetSubmit')}
            </button>
          </form>
          {isApiError(reset.error) && reset.error.code === 'INVALID_TOKEN' ? (
            <Link to="/forgot-password">{t('auth.requestNewLink')}</Link>
          ) : null}
        </>
      )}
    </div>
  );
}
