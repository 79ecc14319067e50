import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLanguage, industryLabel } from '../../app/i18n.js';
import { EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { useMe } from '../../lib/session.js';
import { useNow } from '../../lib/use-now.js';
import { organizationName } from '../../lib/format.js';

export function DashboardPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const now = useNow();
  if (!me) return <Spinner />;
  const language = currentLanguage();
  const org = me.organization;
  const orgName = organizationName(org, language);
  const trialDays =
    org.subscriptionTier === 'trial' && org.trialEndsAt ? Math.ceil((Date.parse(org.trialEndsAt) - now) / 86_400_000) : null;
  return (
    <div className="stack">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <p className="lead">{t('dashboard.welcome', { name: me.firstName })}</p>
      <div className="grid">
        <section className="card" aria-labelledby="org-card">
          <h2 id="org-card">{t('dashboard.organization')}</h2>
          <div className="org-heading">
            {org.logoUrl ? <img src={org.logoUrl} alt={t('organization.logoAlt', { name: orgName })} width={48} height={48} /> : null}
            <p className="org-name">{orgName}</p>
          </div>
          {org.industry ? <p className="muted">{industryLabel(org.industry, language)}</p> : null}
          <dl className="facts">
            <div>
              <dt>{t('dashboard.role')}</dt>
              <dd>{t(`dashboard.roles.${me.orgRole}`)}</dd>
            </div>
            <div>
              <dt>{t('dashboard.plan')}</dt>
              <dd>
                {t(`tiers.${org.subscriptionTier}`)}
                {trialDays !== null
                  ? ` · ${trialDays > 0 ? t('dashboard.trialDaysLeft', { count: trialDays }) : t('dashboard.trialEnded')}`
                  : ''}
              </dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="get-started">
          <h2 id="get-started">{t('dashboard.getStarted')}</h2>
          <ul className="link-list">
            <li>
              <Link to="/forum">{t('dashboard.startForum')}</Link>
            </li>
            <li>
              <Link to="/use-cases">{t('dashboard.startUseCase')}</Link>
            </li>
            <li>
              <Link to="/messages">{t('dashboard.startMessages')}</Link>
            </li>
            <li>
              <Link to="/security">{t('dashboard.startSecurity')}</Link>
            </li>
          </ul>
        </section>
      </div>
      <section className="card" aria-labelledby="activity">
        <h2 id="activity">{t('dashboard.activityTitle')}</h2>
        <EmptyState>{t('dashboard.activityEmpty')}</EmptyState>
      </section>
    </div>
  );
}
