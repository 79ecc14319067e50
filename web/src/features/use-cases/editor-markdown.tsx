import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { usePreview } from '../forum/index.js';
import { MarkdownBody } from '../../components/content/markdown.js';

interface MarkdownFieldProps {
  label: string;
  hint: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  rows?: number;
  maxLength?: number;
}

/**
 * A Markdown section of the case with a preview on request. The preview is rendered by the server's
 * Markdown renderer (the forum's, which the case sections use too), so it shows what will be published.
 */
export function MarkdownField({ label, hint, value, onChange, error, rows = 8, maxLength = 20_000 }: MarkdownFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const [previewing, setPreviewing] = useState(false);
  const preview = usePreview(value, previewing && value.trim().length > 0);
  const describedBy = [`${id}-hint`, error ? `${id}-error` : null].filter(Boolean).join(' ');
  return (
    <div className={`field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={`${id}-text`}>{label}</label>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
      <textarea
        id={`${id}-text`}
        rows={rows}
        dir="auto"
        maxLength={maxLength}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
      <div>
        <button
          type="button"
          className="button button--small"
          aria-expanded={previewing}
          aria-controls={`${id}-preview`}
          aria-label={t('useCase.editor.previewOf', { label })}
          onClick={() => setPreviewing((v) => !v)}
        >
          {t('useCase.editor.preview')}
        </button>
      </div>
      <div
        id={`${id}-preview`}
        hidden={!previewing}
        className="composer__preview"
        aria-label={t('useCase.editor.previewOf', { label })}
        role="region"
      >
        {!previewing ? null : value.trim().length === 0 ? (
          <p className="muted">{t('useCase.editor.nothingToPreview')}</p>
        ) : preview.isPending ? (
          <Spinner />
        ) : preview.isError ? (
          <Alert tone="error">{errorMessage(t, preview.error)}</Alert>
        ) : (
          <MarkdownBody html={preview.data.html} />
        )}
      </div>
    </div>
  );
}
