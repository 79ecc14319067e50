import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../../lib/session.js';
import { LanguageSwitch } from './language-switch.js';

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('nav.skip')}
    </a>
  );
}

export function Logo({ to = '/' }: { to?: string }) {
  const { t } = useTranslation();
  return (
    <Link to={to} className="logo" aria-label={t('nav.home')}>
      <svg width="28" height="28" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
        <rect width="32" height="32" rx="6" fill="#0f766e" />
        <circle cx="11" cy="16" r="5" fill="#fff" />
        <circle cx="21" cy="16" r="5" fill="none" stroke="#fff" strokeWidth="2.5" />
      </svg>
      <span>{t('common.appName')}</span>
    </Link>
  );
}

/** The frame of pages for guests: landing, sign in, sign up, password reset. */
export function PublicLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <div className="layout">
      <SkipLink />
      <header className="topbar">
        <Logo />
        <div className="topbar__actions">
          <LanguageSwitch />
          {me ? (
            <Link className="button button--primary" to="/dashboard">
              {t('nav.dashboard')}
            </Link>
          ) : (
            <>
              <Link className="button button--ghost" to="/sign-in">
                {t('nav.signIn')}
              </Link>
              <Link className="button button--primary" to="/sign-up">
                {t('nav.signUp')}
              </Link>
            </>
          )}
        </div>
      </header>
      <main id="main" className="main main--public" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>
          {t('common.appName')} · {new Date().getFullYear()} · <Link to="/privacy">{t('privacy.footerLink')}</Link>
        </p>
      </footer>
    </div>
  );
}
