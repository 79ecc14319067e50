import { REPORT_REASONS, type ReportReason, type UseCase } from '@p2p/contracts';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { isAlreadyReported, useReportCase } from './case-api.js';
import { reportReasonLabel } from './use-case-labels.js';

const DETAILS_MAX = 2000;

/**
 * Report a case to the moderators: a modal dialog (the browser's own, so focus stays inside and Escape
 * closes it) with a reason and optional details. One open report per reader: when there is one already,
 * the page says so instead of offering the button.
 */
export function CaseReportDialog({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const note = useRef<HTMLParagraphElement>(null);
  const report = useReportCase(useCase.id);
  const [reason, setReason] = useState<ReportReason | ''>('');
  const [details, setDetails] = useState('');
  const [reasonError, setReasonError] = useState(false);
  const [sent, setSent] = useState(false);

  if (!useCase.can.report && !useCase.reportedByMe) return null;

  const open = () => {
    report.reset();
    setReasonError(false);
    dialog.current?.showModal();
  };
  const close = () => dialog.current?.close();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!reason) {
      setReasonError(true);
      document.getElementById(`${id}-reason-${REPORT_REASONS[0]}`)?.focus();
      return;
    }
    const text = details.trim();
    report.mutate(text ? { reason, details: text } : { reason }, {
      onSuccess: () => {
        setSent(true);
        close();
      },
    });
  };

  const alreadyReported = isAlreadyReported(report.error);

  return (
    <>
      {useCase.reportedByMe ? (
        <p ref={note} className="note" role="status" tabIndex={-1}>
          {sent ? t('useCase.report.sent') : t('useCase.report.already')}
        </p>
      ) : (
        <button ref={trigger} type="button" className="button button--small" aria-haspopup="dialog" onClick={open}>
          {t('useCase.report.open')}
        </button>
      )}
      <dialog
        ref={dialog}
        className="report-dialog"
        aria-labelledby={`${id}-title`}
        onClose={() => (trigger.current ?? note.current)?.focus()}
      >
        <form className="form" onSubmit={submit} noValidate>
          <h2 id={`${id}-title`}>{t('useCase.report.title')}</h2>
          {alreadyReported ? (
            <Alert tone="info">{t('useCase.report.already')}</Alert>
          ) : (
            <>
              <p className="muted">{t('useCase.report.intro')}</p>
              <fieldset className="radio-group" aria-describedby={reasonError ? `${id}-reason-error` : undefined}>
                <legend>{t('useCase.report.reason')}</legend>
                {REPORT_REASONS.map((value) => (
                  <div key={value} className="radio">
                    <input
                      id={`${id}-reason-${value}`}
                      type="radio"
                      name="reason"
                      value={value}
                      checked={reason === value}
                      onChange={() => {
                        setReason(value);
                        setReasonError(false);
                      }}
                    />
                    <label htmlFor={`${id}-reason-${value}`}>{reportReasonLabel(value, language)}</label>
                  </div>
                ))}
                {reasonError ? (
                  <p id={`${id}-reason-error`} className="field__error">
                    {t('useCase.report.chooseReason')}
                  </p>
                ) : null}
              </fieldset>
              <div className="field">
                <label htmlFor={`${id}-details`}>
                  {t('useCase.report.details')}
                  <span className="field__optional"> ({t('common.optional')})</span>
                </label>
                <textarea
                  id={`${id}-details`}
                  rows={4}
                  maxLength={DETAILS_MAX}
                  dir="auto"
                  value={details}
                  onChange={(e) => setDetails(e.target.value)}
                />
              </div>
              {report.error && !alreadyReported ? <Alert tone="error">{errorMessage(t, report.error)}</Alert> : null}
            </>
          )}
          <div className="actions">
            {alreadyReported ? null : (
              <button type="submit" className="button button--primary" disabled={report.isPending}>
                {report.isPending ? t('useCase.report.sending') : t('useCase.report.send')}
              </button>
            )}
            <button type="button" className="button" onClick={close}>
              {alreadyReported ? t('common.close') : t('useCase.cancel')}
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}
