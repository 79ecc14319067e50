import { INDUSTRIES, ORGANIZATION_SIZES, type Organization, type OrganizationStats, updateOrganizationBodySchema } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLanguage, industryLabel } from '../../app/i18n.js';
import { SelectField, TextField } from '../../components/ui/field.js';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { ImageUpload } from '../../components/ui/image-upload.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatBytes, formatNumber } from '../../lib/format.js';
import { useForm } from '../../lib/use-form.js';
import { useOrganization, useOrganizationStats, useRefreshOrganization, useUpdateOrganization } from './api.js';

type Draft = Record<
  'name' | 'nameAr' | 'industry' | 'size' | 'city' | 'region' | 'website' | 'contactEmail' | 'contactPhone' | 'description',
  string
>;

const toDraft = (o: Organization): Draft => ({
  name: o.name,
  nameAr: o.nameAr ?? '',
  industry: o.industry ?? '',
  size: o.size ?? '',
  city: o.city ?? '',
  region: o.region ?? '',
  website: o.website ?? '',
  contactEmail: o.contactEmail ?? '',
  contactPhone: o.contactPhone ?? '',
  description: o.description ?? '',
});

function ProfileForm({ organization }: { organization: Organization }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [draft, setDraft] = useState<Draft>(() => toDraft(organization));
  const form = useForm(updateOrganizationBodySchema);
  const update = useUpdateOrganization();
  const set = (field: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [field]: event.target.value });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // Empty optional fields are cleared (null), the English name is required.
    const body = form.validate(
      Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, k === 'name' ? v : v.trim() === '' ? null : v])),
    );
    if (body) update.mutate(body, { onError: form.showError });
  };
  return (
    <section className="card" aria-labelledby="org-profile">
      <h2 id="org-profile">{t('organization.profileTitle')}</h2>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      {update.isSuccess ? <Alert tone="success">{t('organization.saved')}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <div className="form__row">
          <TextField
            label={t('organization.name')}
            name="name"
            required
            value={draft.name}
            error={form.fields.name}
            onChange={set('name')}
          />
          <TextField
            label={t('organization.nameAr')}
            name="nameAr"
            dir="rtl"
            lang="ar"
            optionalLabel={t('common.optional')}
            value={draft.nameAr}
            error={form.fields.nameAr}
            onChange={set('nameAr')}
          />
        </div>
        <div className="form__row">
          <SelectField
            label={t('organization.industry')}
            name="industry"
            value={draft.industry}
            error={form.fields.industry}
            onChange={set('industry')}
            options={[
              { value: '', label: t('organization.notSet') },
              ...INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, language) })),
            ]}
          />
          <SelectField
            label={t('organization.size')}
            name="size"
            value={draft.size}
            error={form.fields.size}
            onChange={set('size')}
            options={[
              { value: '', label: t('organization.notSet') },
              ...ORGANIZATION_SIZES.map((s) => ({ value: s, label: t('organization.sizeLabel', { size: s }) })),
            ]}
          />
        </div>
        <div className="form__row">
          <TextField
            label={t('organization.city')}
            name="city"
            autoComplete="address-level2"
            value={draft.city}
            error={form.fields.city}
            onChange={set('city')}
          />
          <TextField
            label={t('organization.region')}
            name="region"
            autoComplete="address-level1"
            value={draft.region}
            error={form.fields.region}
            onChange={set('region')}
          />
        </div>
        <TextField
          label={t('organization.website')}
          name="website"
          type="url"
          inputMode="url"
          dir="ltr"
          value={draft.website}
          error={form.fields.website}
          onChange={set('website')}
        />
        <div className="form__row">
          <TextField
            label={t('organization.contactEmail')}
            name="contactEmail"
            type="email"
            dir="ltr"
            value={draft.contactEmail}
            error={form.fields.contactEmail}
            onChange={set('contactEmail')}
          />
          <TextField
            label={t('organization.contactPhone')}
            name="contactPhone"
            type="tel"
            dir="ltr"
            value={draft.contactPhone}
            error={form.fields.contactPhone}
            onChange={set('contactPhone')}
          />
        </div>
        <div className="field">
          <label htmlFor="org-description">{t('organization.description')}</label>
          <textarea
            id="org-description"
            name="description"
            rows={4}
            value={draft.description}
            onChange={set('description')}
            aria-invalid={form.fields.description ? true : undefined}
          />
        </div>
        <button type="submit" className="button button--primary" disabled={update.isPending}>
          {update.isPending ? t('common.saving') : t('organization.save')}
        </button>
      </form>
    </section>
  );
}

function StatsPanel({ stats }: { stats: OrganizationStats }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { usedBytes, quotaBytes, files } = stats.storage;
  const share = quotaBytes ? Math.min(100, (usedBytes / quotaBytes) * 100) : 0;
  const items: Array<[string, string]> = [
    [t('organization.statUsers'), formatNumber(stats.users.total, language)],
    [t('organization.statAdmins'), formatNumber(stats.users.byRole.admin, language)],
    [t('organization.statMembers'), formatNumber(stats.users.byRole.member, language)],
    [t('organization.statActive'), formatNumber(stats.users.byStatus.active, language)],
    [t('organization.statInactive'), formatNumber(stats.users.byStatus.inactive, language)],
    [t('organization.statSuspended'), formatNumber(stats.users.byStatus.suspended, language)],
    [t('organization.statPendingInvitations'), formatNumber(stats.invitations.pending, language)],
    [t('organization.statForumTopics'), formatNumber(stats.content.forumTopics, language)],
    [t('organization.statForumPosts'), formatNumber(stats.content.forumPosts, language)],
    [t('organization.statUseCases'), formatNumber(stats.content.useCases, language)],
    [t('organization.statPublishedUseCases'), formatNumber(stats.content.publishedUseCases, language)],
    [t('organization.statFiles'), formatNumber(files, language)],
    [
      t('organization.statPlan'),
      `${t(`tiers.${stats.subscription.tier}`)}${stats.subscription.trialDaysLeft !== null ? ` · ${stats.subscription.trialDaysLeft > 0 ? t('dashboard.trialDaysLeft', { count: stats.subscription.trialDaysLeft }) : t('dashboard.trialEnded')}` : ''}`,
    ],
    [
      t('organization.statUserLimit'),
      stats.subscription.limits.users === null ? t('organization.unlimited') : formatNumber(stats.subscription.limits.users, language),
    ],
  ];
  return (
    <section className="card" aria-labelledby="org-stats">
      <h2 id="org-stats">{t('organization.statsTitle')}</h2>
      <dl className="stats">
        {items.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3 id="storage-label">{t('organization.statStorage')}</h3>
      <p>
        {quotaBytes
          ? t('organization.storageUsed', { used: formatBytes(usedBytes, language), quota: formatBytes(quotaBytes, language) })
          : t('organization.storageUnlimited', { used: formatBytes(usedBytes, language) })}
      </p>
      {quotaBytes ? <progress className="meter" aria-labelledby="storage-label" max={100} value={share} /> : null}
    </section>
  );
}

export function OrganizationPage() {
  const { t } = useTranslation();
  const organization = useOrganization();
  const stats = useOrganizationStats(true);
  const refresh = useRefreshOrganization();
  return (
    <>
      <PageTitle>{t('organization.title')}</PageTitle>
      {organization.isPending ? <Spinner /> : null}
      {organization.isError ? <Alert tone="error">{errorMessage(t, organization.error)}</Alert> : null}
      {organization.data ? (
        <div className="grid grid--wide">
          <ProfileForm key={organization.data.id} organization={organization.data} />
          <div className="stack">
            <section className="card" aria-labelledby="org-logo">
              <h2 id="org-logo">{t('organization.logoTitle')}</h2>
              <ImageUpload
                endpoint="/api/v1/organizations/me/logo"
                imageUrl={organization.data.logoUrl}
                alt={t('organization.logoAlt', { name: organization.data.name })}
                hint={t('organization.logoHint')}
                uploadLabel={organization.data.logoUrl ? t('organization.replaceLogo') : t('organization.uploadLogo')}
                removeLabel={t('organization.removeLogo')}
                onChanged={() => void refresh()}
              />
            </section>
            {stats.data ? (
              <StatsPanel stats={stats.data} />
            ) : stats.isError ? (
              <Alert tone="error">{errorMessage(t, stats.error)}</Alert>
            ) : (
              <Spinner />
            )}
          </div>
        </div>
      ) : null}
    </>
  );
}
