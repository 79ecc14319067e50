import type { Language } from '@p2p/contracts/enums';
import { useTranslation } from 'react-i18next';

/** The interface language; components re-render when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return i18n.language === 'ar' ? 'ar' : 'en';
}
