import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../../components/ui/page-title.js';

/** What is kept, for how long (the numbers are the code's: sessions, retention, mail clearing), and the person's rights. */
const KEPT = ['profile', 'content', 'sessions', 'searches', 'activity', 'mail', 'deleted'] as const;

export function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <article className="stack">
      <PageTitle>{t('privacy.title')}</PageTitle>
      <p>{t('privacy.intro')}</p>
      <section className="card" aria-labelledby="privacy-kept">
        <h2 id="privacy-kept">{t('privacy.keptTitle')}</h2>
        <ul>
          {KEPT.map((item) => (
            <li key={item}>{t(`privacy.kept.${item}`)}</li>
          ))}
        </ul>
      </section>
      <section className="card" aria-labelledby="privacy-download">
        <h2 id="privacy-download">{t('privacy.downloadTitle')}</h2>
        <p>{t('privacy.downloadText')}</p>
      </section>
      <section className="card" aria-labelledby="privacy-delete">
        <h2 id="privacy-delete">{t('privacy.deleteTitle')}</h2>
        <p>{t('privacy.deleteText')}</p>
      </section>
      <p>
        <Link to="/profile#your-data">{t('privacy.toProfile')}</Link>
      </p>
    </article>
  );
}
