import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** An error or success message. Errors are announced at once (role=alert), notices politely. */
export function Alert({
  tone,
  children,
  requestId,
}: {
  tone: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
  requestId?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <div className={`alert alert--${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <div>{children}</div>
      {requestId ? <div className="alert__ref">{t('common.requestId', { id: requestId })}</div> : null}
    </div>
  );
}

export function Spinner({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className="spinner" role="status">
      <span className="spinner__dot" aria-hidden="true" />
      <span>{label ?? t('common.loading')}</span>
    </div>
  );
}

export function EmptyState({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <div className="empty-state">
      {title ? <h2>{title}</h2> : null}
      <p>{children}</p>
    </div>
  );
}
