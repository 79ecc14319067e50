import { DEFAULT_EXPORT_FIELDS, EXPORT_FIELDS, EXPORT_FORMATS, EXPORT_MAX_ROWS, type ExportField, type ExportFormat } from '@p2p/contracts';
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Disclosure } from '../../components/layout/disclosure.js';
import { Alert } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { type LibraryState, customExportFilters } from './library-filters.js';
import { exportUrl, useCustomExport } from './use-cases-api.js';
import { formatNumber } from '../../lib/format.js';

/** Custom exports sort as the browse list does; the search page's relevance order falls back to newest. */
function exportSort(sort: string): 'newest' | 'views' | 'likes' | 'roi' {
  return sort === 'views' || sort === 'likes' || sort === 'roi' ? sort : 'newest';
}

function CustomExportDialog({ state, open, onClose }: { state: LibraryState; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<ExportFormat>('csv');
  const [fields, setFields] = useState<ExportField[]>(DEFAULT_EXPORT_FIELDS);
  const [fieldsError, setFieldsError] = useState(false);
  const mutation = useCustomExport();

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      if (typeof element.showModal === 'function') element.showModal();
      else element.setAttribute('open', '');
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const toggle = (field: ExportField) => {
    setFieldsError(false);
    setFields((current) =>
      current.includes(field)
        ? current.filter((entry) => entry !== field)
        : EXPORT_FIELDS.filter((entry) => entry === field || current.includes(entry)),
    );
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (fields.length === 0) {
      setFieldsError(true);
      return;
    }
    mutation.mutate({ format, fields, filters: customExportFilters(state), sort: exportSort(state.sort) });
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby={`${id}-title`} onClose={onClose} onCancel={onClose}>
      <form className="form dialog__form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{t('useCases.export.customTitle')}</h2>
        <p className="muted">{t('useCases.export.customHint')}</p>
        <fieldset className="export-formats">
          <legend>{t('useCases.export.format')}</legend>
          {EXPORT_FORMATS.map((entry) => (
            <div key={entry} className="checkbox">
              <input
                id={`${id}-format-${entry}`}
                type="radio"
                name="format"
                value={entry}
                checked={format === entry}
                onChange={() => setFormat(entry)}
              />
              <label htmlFor={`${id}-format-${entry}`}>{t(`useCases.export.formats.${entry}`)}</label>
            </div>
          ))}
        </fieldset>
        <fieldset className="export-fields" aria-describedby={fieldsError ? `${id}-fields-error` : undefined}>
          <legend>{t('useCases.export.fields')}</legend>
          <div className="actions">
            <button type="button" className="button button--small" onClick={() => setFields([...EXPORT_FIELDS])}>
              {t('useCases.export.selectAll')}
            </button>
            <button type="button" className="button button--small" onClick={() => setFields(DEFAULT_EXPORT_FIELDS)}>
              {t('useCases.export.selectDefault')}
            </button>
            <button type="button" className="button button--small" onClick={() => setFields([])}>
              {t('useCases.export.selectNone')}
            </button>
          </div>
          <ul className="export-fields__list">
            {EXPORT_FIELDS.map((field) => (
              <li key={field} className="checkbox">
                <input id={`${id}-field-${field}`} type="checkbox" checked={fields.includes(field)} onChange={() => toggle(field)} />
                <label htmlFor={`${id}-field-${field}`}>{t(`useCases.export.fieldNames.${field}`)}</label>
              </li>
            ))}
          </ul>
          {fieldsError ? (
            <p className="field__error" id={`${id}-fields-error`} role="alert">
              {t('useCases.export.fieldsRequired')}
            </p>
          ) : null}
        </fieldset>
        {mutation.isError ? <Alert tone="error">{errorMessage(t, mutation.error)}</Alert> : null}
        {mutation.isSuccess ? (
          <Alert tone="success">
            {t('useCases.export.downloaded', { name: mutation.data.fileName })}
            {mutation.data.truncated ? ` ${t('useCases.export.truncated', { max: formatNumber(EXPORT_MAX_ROWS, language) })}` : null}
          </Alert>
        ) : null}
        <div className="actions">
          <button type="submit" className="button button--primary" disabled={mutation.isPending}>
            {mutation.isPending ? t('useCases.export.preparing') : t('useCases.export.download')}
          </button>
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Download the current result set (the filters and sort of the page) in a format, or with chosen columns. */
export function ExportMenu({ state }: { state: LibraryState }) {
  const { t } = useTranslation();
  const [customOpen, setCustomOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const closeCustom = () => {
    setCustomOpen(false);
    // The menu item that opened the dialog is gone with the closed menu: focus goes back to the menu's button.
    root.current?.querySelector<HTMLButtonElement>('button[aria-expanded]')?.focus();
  };
  return (
    <div className="export-menu" ref={root}>
      <Disclosure
        label={t('useCases.export.label')}
        buttonClassName="button"
        panelClassName="popover popover--menu"
        buttonContent={t('useCases.export.button')}
      >
        {(close) => (
          <ul className="menu">
            {EXPORT_FORMATS.map((format) => (
              <li key={format}>
                <a href={exportUrl({ ...state, sort: exportSort(state.sort) }, format)} download onClick={close}>
                  {t(`useCases.export.formats.${format}`)}
                </a>
              </li>
            ))}
            <li>
              <button
                type="button"
                className="menu__button"
                onClick={() => {
                  close();
                  setCustomOpen(true);
                }}
              >
                {t('useCases.export.custom')}
              </button>
            </li>
          </ul>
        )}
      </Disclosure>
      {customOpen ? <CustomExportDialog state={state} open={customOpen} onClose={closeCustom} /> : null}
    </div>
  );
}
