import { signInBodySchema } from '@p2p/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CheckboxField, TextField } from '../../components/ui/field.js';
import { Alert } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { api } from '../../lib/api-client.js';
import { ME_KEY, SIGNED_OUT_KEY } from '../../lib/session.js';
import { useForm } from '../../lib/use-form.js';
import { safeNext, signInPath } from './next-path.js';

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const queryClient = useQueryClient();
  const form = useForm(signInBodySchema);
  const [values, setValues] = useState({ email: '', password: '', rememberMe: false });
  const next = params.get('next');
  const signIn = useMutation({
    mutationFn: (body: unknown) => api.post('/api/auth/sign-in/email', body),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: SIGNED_OUT_KEY });
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      await navigate(safeNext(next), { replace: true });
    },
    onError: form.showError,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(values);
    if (body) signIn.mutate(body);
  };

  return (
    <div className="card card--narrow">
      <PageTitle>{t('auth.signInTitle')}</PageTitle>
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
          value={values.email}
          error={form.fields.email}
          onChange={(e) => setValues({ ...values, email: e.target.value })}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={values.password}
          error={form.fields.password}
          onChange={(e) => setValues({ ...values, password: e.target.value })}
        />
        <CheckboxField
          label={t('auth.rememberMe')}
          name="rememberMe"
          checked={values.rememberMe}
          onChange={(e) => setValues({ ...values, rememberMe: e.target.checked })}
        />
        <button type="submit" className="button button--primary button--block" disabled={signIn.isPending}>
          {signIn.isPending ? t('auth.signInSubmitting') : t('auth.signInSubmit')}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">{t('auth.forgotLink')}</Link>
      </p>
      <p>
        {t('auth.noAccount')} <Link to={next ? signInPath(safeNext(next), '/sign-up') : '/sign-up'}>{t('auth.signUpLink')}</Link>
      </p>
    </div>
  );
}
