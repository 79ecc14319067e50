import { LANGUAGES, type Me, updateMeBodySchema } from '@p2p/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { applyLanguage } from '../../app/i18n.js';
import { SelectField, TextField } from '../../components/ui/field.js';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { ImageUpload } from '../../components/ui/image-upload.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { api } from '../../lib/api-client.js';
import { ME_KEY, useMe } from '../../lib/session.js';
import { useForm } from '../../lib/use-form.js';
import { PrivacySection } from './privacy-section.js';

function ProfileForm({ me }: { me: Me }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm(updateMeBodySchema);
  // The fields as typed (strings); the shared schema checks them on submit.
  const [values, setValues] = useState<Record<'firstName' | 'lastName' | 'jobTitle' | 'department' | 'phone' | 'bio' | 'language', string>>(
    {
      firstName: me.firstName,
      lastName: me.lastName,
      jobTitle: me.jobTitle ?? '',
      department: me.department ?? '',
      phone: me.phone ?? '',
      bio: me.bio ?? '',
      language: me.language,
    },
  );
  const save = useMutation({
    mutationFn: (body: unknown) => api.patch<Me>('/api/v1/users/me', body),
    onSuccess: async (updated) => {
      queryClient.setQueryData(ME_KEY, updated);
      await applyLanguage(updated.language);
    },
    onError: form.showError,
  });
  const set = (field: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues({ ...values, [field]: event.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const optional = (v: string) => (v.trim() === '' ? null : v);
    const body = form.validate({
      ...values,
      jobTitle: optional(values.jobTitle),
      department: optional(values.department),
      phone: optional(values.phone),
      bio: optional(values.bio),
    });
    if (body) save.mutate(body);
  };
  return (
    <section className="card" aria-labelledby="profile-form">
      <h2 id="profile-form">{t('profile.title')}</h2>
      <p className="muted">{t('profile.notEditable')}</p>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      {save.isSuccess ? <Alert tone="success">{t('profile.saved')}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
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
        <div className="form__row">
          <TextField
            label={t('profile.jobTitle')}
            name="jobTitle"
            autoComplete="organization-title"
            value={values.jobTitle}
            error={form.fields.jobTitle}
            onChange={set('jobTitle')}
          />
          <TextField
            label={t('profile.department')}
            name="department"
            value={values.department}
            error={form.fields.department}
            onChange={set('department')}
          />
        </div>
        <TextField
          label={t('profile.phone')}
          name="phone"
          type="tel"
          dir="ltr"
          autoComplete="tel"
          value={values.phone}
          error={form.fields.phone}
          onChange={set('phone')}
        />
        <div className="field">
          <label htmlFor="profile-bio">{t('profile.bio')}</label>
          <textarea id="profile-bio" name="bio" rows={4} maxLength={2000} value={values.bio} onChange={set('bio')} />
        </div>
        <SelectField
          label={t('profile.language')}
          name="language"
          value={values.language}
          onChange={set('language')}
          options={LANGUAGES.map((l) => ({ value: l, label: l === 'ar' ? t('profile.arabic') : t('profile.english') }))}
        />
        <button type="submit" className="button button--primary" disabled={save.isPending}>
          {save.isPending ? t('common.saving') : t('profile.save')}
        </button>
      </form>
    </section>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  if (!me) return <Spinner />;
  return (
    <div className="stack">
      <PageTitle>{t('profile.title')}</PageTitle>
      <section className="card" aria-labelledby="avatar-title">
        <h2 id="avatar-title">{t('profile.avatarTitle')}</h2>
        <ImageUpload
          endpoint="/api/v1/users/me/avatar"
          imageUrl={me.avatarUrl}
          alt={t('profile.avatarAlt', { name: me.name })}
          hint={t('profile.avatarHint')}
          uploadLabel={t('profile.uploadAvatar')}
          removeLabel={t('profile.removeAvatar')}
          shape="round"
          onChanged={() => void queryClient.invalidateQueries({ queryKey: ME_KEY })}
        />
      </section>
      <ProfileForm key={me.id} me={me} />
      <PrivacySection />
    </div>
  );
}
