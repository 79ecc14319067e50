import type { OrganizationCard, UserProfile } from '@p2p/contracts';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { currentLanguage, industryLabel } from '../../app/i18n.js';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { api } from '../../lib/api-client.js';
import { errorMessage } from '../../lib/form-errors.js';
import { organizationName } from '../../lib/format.js';

/** Another person's card: public details for everyone, contact details for colleagues. */
export function UserCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const profile = useQuery({ queryKey: ['user', id], queryFn: ({ signal }) => api.get<UserProfile>(`/api/v1/users/${id}`, signal) });
  if (profile.isPending) return <Spinner />;
  if (profile.isError) return <Alert tone="error">{errorMessage(t, profile.error)}</Alert>;
  const user = profile.data;
  const language = currentLanguage();
  const name = user.isFormerMember ? t('cards.formerMember') : user.name;
  const orgName = organizationName(user.organization, language);
  return (
    <div className="card card--narrow profile-card">
      {user.avatarUrl ? (
        <img className="profile-card__avatar" src={user.avatarUrl} alt={t('profile.avatarAlt', { name })} width={96} height={96} />
      ) : null}
      <PageTitle>{name}</PageTitle>
      {user.jobTitle ? <p className="lead">{user.jobTitle}</p> : null}
      {user.department ? <p className="muted">{user.department}</p> : null}
      <p className="org-heading">
        {user.organization.logoUrl ? <img src={user.organization.logoUrl} alt="" width={32} height={32} /> : null}
        <Link to={`/organizations/${user.organization.id}`}>{t('cards.worksAt', { organization: orgName })}</Link>
      </p>
      {user.colleague ? (
        <section aria-labelledby="contact">
          <h2 id="contact">{t('cards.contact')}</h2>
          <p dir="ltr" className="cell-ltr">
            <a href={`mailto:${user.colleague.email}`}>{user.colleague.email}</a>
          </p>
          {user.colleague.phone ? (
            <p dir="ltr" className="cell-ltr">
              {user.colleague.phone}
            </p>
          ) : null}
          {user.colleague.bio ? <p>{user.colleague.bio}</p> : null}
        </section>
      ) : null}
    </div>
  );
}

export function OrganizationCardPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const card = useQuery({
    queryKey: ['organization-card', id],
    queryFn: ({ signal }) => api.get<OrganizationCard>(`/api/v1/organizations/${id}`, signal),
  });
  if (card.isPending) return <Spinner />;
  if (card.isError) return <Alert tone="error">{errorMessage(t, card.error)}</Alert>;
  const org = card.data;
  const language = currentLanguage();
  const name = organizationName(org, language);
  return (
    <div className="card card--narrow profile-card">
      {org.logoUrl ? (
        <img className="profile-card__logo" src={org.logoUrl} alt={t('organization.logoAlt', { name })} width={96} height={96} />
      ) : null}
      <PageTitle>{name}</PageTitle>
      {language === 'en' && org.nameAr ? (
        <p lang="ar" dir="rtl">
          {org.nameAr}
        </p>
      ) : null}
      <p className="muted">
        {[org.industry ? industryLabel(org.industry, language) : null, org.city, org.region].filter(Boolean).join(' · ')}
      </p>
      {org.description ? <p>{org.description}</p> : null}
      <p>{t('cards.members', { count: org.memberCount })}</p>
      <p>
        <Link to={`/use-cases?organizationId=${org.id}`}>{t('cards.publicUseCases', { count: org.publicUseCasesCount })}</Link>
      </p>
      {org.website ? (
        <p>
          <a href={org.website} rel="noopener noreferrer nofollow" dir="ltr">
            {org.website}
          </a>
        </p>
      ) : null}
    </div>
  );
}
