import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { useMe } from '../../lib/session.js';

/** Organization settings: for the company's administrators, with its three sections as tabs. */
export function OrganizationLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  if (!me) return <Spinner />;
  if (me.orgRole !== 'admin') {
    return (
      <div className="stack">
        <PageTitle>{t('organization.title')}</PageTitle>
        <Alert tone="info">{t('organization.adminOnly')}</Alert>
      </div>
    );
  }
  return (
    <div className="stack">
      <nav aria-label={t('organization.tabsLabel')} className="tabs">
        <NavLink to="/organization" end>
          {t('organization.tabProfile')}
        </NavLink>
        <NavLink to="/organization/members">{t('organization.tabMembers')}</NavLink>
        <NavLink to="/organization/invitations">{t('organization.tabInvitations')}</NavLink>
      </nav>
      <Outlet />
    </div>
  );
}
