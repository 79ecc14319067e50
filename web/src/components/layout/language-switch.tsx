import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n.js';
import { useChangeLanguage } from '../../lib/session.js';

/** One button that switches between English and Arabic; its label is in the target language. */
export function LanguageSwitch({ className = 'button button--ghost' }: { className?: string }) {
  const { t } = useTranslation();
  const change = useChangeLanguage();
  const target = currentLanguage() === 'ar' ? 'en' : 'ar';
  return (
    <button
      type="button"
      className={className}
      lang={target}
      aria-label={t('nav.switchToLabel')}
      onClick={() => change.mutate(target)}
      disabled={change.isPending}
    >
      {t('nav.switchTo')}
    </button>
  );
}
