import type { Me } from '@p2p/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { applyLanguage, currentLanguage } from '../../app/i18n.js';
import { useSignOut } from '../../lib/session.js';
import { TrialBanner, VerifyEmailBanner } from './banners.js';
import { Disclosure } from './disclosure.js';
import { LanguageSwitch } from './language-switch.js';
import { Logo, SkipLink } from './public-layout.js';
import { organizationName } from '../../lib/format.js';

function BellIcon() {
  return (
    <svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z"
      />
    </svg>
  );
}

function initials(me: Me) {
  return `${me.firstName.charAt(0)}${me.lastName.charAt(0)}`.toUpperCase();
}

/** The signed-in frame: skip link, header with navigation, notifications and the account menu. */
export function AppShell({ me }: { me: Me }) {
  const { t } = useTranslation();
  const signOut = useSignOut();

  // The language stored on the profile wins once the user is known.
  useEffect(() => {
    if (me.language !== currentLanguage()) void applyLanguage(me.language);
  }, [me.language]);

  const links = [
    { to: '/dashboard', label: t('nav.dashboard') },
    { to: '/forum', label: t('nav.forum') },
    { to: '/use-cases', label: t('nav.useCases') },
    { to: '/messages', label: t('nav.messages') },
  ];
  const orgName = organizationName(me.organization, currentLanguage());

  return (
    <div className="layout">
      <SkipLink />
      <header className="topbar">
        <Logo to="/dashboard" />
        <nav aria-label={t('nav.main')} className="topnav">
          <ul>
            {links.map((link) => (
              <li key={link.to}>
                <NavLink to={link.to}>{link.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="topbar__actions">
          <Disclosure label={t('nav.notifications')} buttonClassName="icon-button" panelClassName="popover" buttonContent={<BellIcon />}>
            {() => <p className="popover__empty">{t('nav.noNotifications')}</p>}
          </Disclosure>
          <Disclosure
            label={t('nav.profileMenu')}
            buttonClassName="account-button"
            panelClassName="popover popover--menu"
            buttonContent={
              <>
                {me.avatarUrl ? (
                  <img className="avatar avatar--image" src={me.avatarUrl} alt="" width={32} height={32} />
                ) : (
                  <span className="avatar" aria-hidden="true">
                    {initials(me)}
                  </span>
                )}
                <span className="account-button__text">
                  <span className="account-button__name">
                    <bdi>{me.name}</bdi>
                  </span>
                  <span className="account-button__org">
                    <bdi>{orgName}</bdi>
                  </span>
                </span>
              </>
            }
          >
            {(close) => (
              <ul className="menu">
                <li className="menu__header">
                  <span>{me.name}</span>
                  <span className="muted">{me.email}</span>
                  <span className="menu__org">
                    {me.organization.logoUrl ? <img src={me.organization.logoUrl} alt="" width={20} height={20} /> : null}
                    <span className="muted">
                      <bdi>{orgName}</bdi>
                    </span>
                  </span>
                </li>
                <li>
                  <NavLink to="/profile" onClick={close}>
                    {t('nav.profile')}
                  </NavLink>
                </li>
                {me.orgRole === 'admin' ? (
                  <li>
                    <NavLink to="/organization" onClick={close}>
                      {t('nav.organization')}
                    </NavLink>
                  </li>
                ) : null}
                {me.platformRole === 'moderator' || me.platformRole === 'superadmin' ? (
                  <li>
                    <NavLink to="/admin/moderation" onClick={close}>
                      {t('moderation.navLink')}
                    </NavLink>
                  </li>
                ) : null}
                <li>
                  <NavLink to="/security" onClick={close}>
                    {t('nav.security')}
                  </NavLink>
                </li>
                <li>
                  <LanguageSwitch className="menu__button" />
                </li>
                <li>
                  <button
                    type="button"
                    className="menu__button"
                    onClick={() => {
                      close();
                      signOut.mutate();
                    }}
                  >
                    {t('nav.signOut')}
                  </button>
                </li>
              </ul>
            )}
          </Disclosure>
        </div>
      </header>
      <VerifyEmailBanner me={me} />
      <TrialBanner me={me} />
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
