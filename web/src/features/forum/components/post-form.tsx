import { updateForumPostBodySchema } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/feedback.js';
import { useForm } from '../../../lib/use-form.js';
import { Composer } from './composer.js';

interface PostFormProps {
  label: string;
  initial?: string;
  submitLabel: string;
  onSubmit: (body: string) => Promise<unknown>;
  onCancel?: () => void;
  /** Focus the text as the form appears (the reader has just opened it). */
  focusOnOpen?: boolean;
  rows?: number;
}

/** A reply or an edit: one Markdown body, its error in place, cleared after a successful send. */
export function PostForm({ label, initial = '', submitLabel, onSubmit, onCancel, focusOnOpen, rows = 5 }: PostFormProps) {
  const { t } = useTranslation();
  const form = useForm(updateForumPostBodySchema);
  const [body, setBody] = useState(initial);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = form.validate({ body });
    if (!parsed) return;
    setPending(true);
    try {
      await onSubmit(parsed.body);
      setBody('');
      form.reset();
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className="post-form" onSubmit={submit} noValidate>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      <Composer label={label} value={body} onChange={setBody} error={form.fields.body} rows={rows} focusOnOpen={focusOnOpen} />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? t('forum.sending') : submitLabel}
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            {t('forum.cancel')}
          </button>
        ) : null}
      </div>
    </form>
  );
}
