import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's h1; also sets document.title and takes focus after navigation so screen readers announce the new page. */
export function PageTitle({ children, focus = true }: { children: string; focus?: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · ${t('common.appName')}`;
  }, [children, t]);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
