import { INDUSTRIES, signUpBodySchema } from '@p2p/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { currentLanguage, industryLabel } from '../../app/i18n.js';
import { SelectField, TextField } from '../../components/ui/field.js';
import { Alert } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { api } from '../../lib/api-client.js';
import { ME_KEY } from '../../lib/session.js';
import { useForm } from '../../lib/use-form.js';
import { safeNext, signInPath } from './next-path.js';

export function SignUpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get('next');
  const queryClient = useQueryClient();
  const form = useForm(signUpBodySchema);
  const language = currentLanguage();
  const [values, setValues] = useState({ firstName: '', lastName: '', email: '', password: '', organizationName: '', industry: '' });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });
  const signUp = useMutation({
    mutationFn: (body: unknown) => api.post('/api/auth/sign-up/email', body),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ME_KEY });
      await navigate(safeNext(next), { replace: true });
    },
    onError: form.showError,
  });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { industry, ...rest } = values;
    const body = form.validate({ ...rest, ...(industry ? { industry } : {}), language });
    if (body) signUp.mutate(body);
  };

  const industries = [
    { value: '', label: t('auth.industryNone') },
    ...INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, language) })),
  ];

  return (
    <div className="card card--narrow">
      <PageTitle>{t('auth.signUpTitle')}</PageTitle>
      <p>{t('auth.signUpIntro')}</p>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} noValidate className="form">
        <div className="form__row">
          <TextField
            label={t('auth.firstName')}
            name="firstName"
            autoComplete="given-name"
            required
            value={values.firstName}
            error={form.fields.firstName}
            onChange={set('firstName')}
          />
          <TextField
            label={t('auth.lastName')}
            name="lastName"
            autoComplete="family-name"
            required
            value={values.lastName}
            error={form.fields.lastName}
            onChange={set('lastName')}
          />
        </div>
        <TextField
          label={t('auth.email')}
          name="email"
          type="email"
          autoComplete="email"
          required
          value={values.email}
          error={form.fields.email}
          onChange={set('email')}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint={t('auth.passwordHint')}
          value={values.password}
          error={form.fields.password}
          onChange={set('password')}
        />
        <TextField
          label={t('auth.organizationName')}
          name="organizationName"
          autoComplete="organization"
          required
          value={values.organizationName}
          error={form.fields.organizationName}
          onChange={set('organizationName')}
        />
        <SelectField
          label={t('auth.industry')}
          optionalLabel={t('common.optional')}
          name="industry"
          value={values.industry}
          options={industries}
          error={form.fields.industry}
          onChange={set('industry')}
        />
        <button type="submit" className="button button--primary button--block" disabled={signUp.isPending}>
          {signUp.isPending ? t('auth.signUpSubmitting') : t('auth.signUpSubmit')}
        </button>
      </form>
      <p>
        {t('auth.haveAccount')} <Link to={next ? signInPath(safeNext(next)) : '/sign-in'}>{t('auth.signInLink')}</Link>
      </p>
    </div>
  );
}
