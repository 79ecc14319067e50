import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** A destructive button that asks first, in place (no modal). */
export function ConfirmAction({
  label,
  question,
  confirmLabel,
  onConfirm,
  pending,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => void;
  pending?: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button type="button" className="button button--small button--danger" onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={label}>
      <p>{question}</p>
      <div className="actions">
        {/* The question replaced the button just pressed: focus moves to its answer instead of falling back to the page. */}
        {/* eslint-disable-next-line jsx-a11y/no-autofocus */}
        <button type="button" className="button button--small button--danger" onClick={onConfirm} disabled={pending} autoFocus>
          {confirmLabel}
        </button>
        <button type="button" className="button button--small" onClick={() => setAsking(false)}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
