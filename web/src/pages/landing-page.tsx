import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/ui/page-title.js';
import { useMe } from '../lib/session.js';

export function LandingPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const features = [
    { title: t('landing.featureForumTitle'), text: t('landing.featureForumText') },
    { title: t('landing.featureUseCasesTitle'), text: t('landing.featureUseCasesText') },
    { title: t('landing.featureNetworkTitle'), text: t('landing.featureNetworkText') },
  ];
  return (
    <div className="landing">
      <section className="hero">
        <PageTitle focus={false}>{t('landing.title')}</PageTitle>
        <p className="lead">{t('landing.tagline')}</p>
        <div className="hero__actions">
          {me ? (
            <Link className="button button--primary button--large" to="/dashboard">
              {t('landing.ctaDashboard')}
            </Link>
          ) : (
            <>
              <Link className="button button--primary button--large" to="/sign-up">
                {t('landing.ctaSignUp')}
              </Link>
              <Link className="button button--large" to="/sign-in">
                {t('landing.ctaSignIn')}
              </Link>
            </>
          )}
        </div>
      </section>
      <ul className="features">
        {features.map((f) => (
          <li key={f.title} className="card">
            <h2>{f.title}</h2>
            <p>{f.text}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
