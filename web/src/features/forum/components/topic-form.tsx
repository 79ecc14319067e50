import { type CreateForumTopicBody, createForumTopicBodySchema } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../../components/ui/field.js';
import { Alert, Spinner } from '../../../components/ui/feedback.js';
import { errorMessage } from '../../../lib/form-errors.js';
import { useForm } from '../../../lib/use-form.js';
import { useCategories } from '../api.js';
import { categoryName } from '../format.js';
import { useLanguage } from '../../../lib/use-language.js';
import { Composer } from './composer.js';

interface TopicFormProps {
  initial: CreateForumTopicBody;
  submitLabel: string;
  pendingLabel: string;
  onSubmit: (body: CreateForumTopicBody) => Promise<unknown>;
  onCancel?: () => void;
}

/** Category, title and Markdown body: checked with the shared schema, then the server's field errors shown in place. */
export function TopicForm({ initial, submitLabel, pendingLabel, onSubmit, onCancel }: TopicFormProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const categories = useCategories();
  const form = useForm(createForumTopicBodySchema);
  const [values, setValues] = useState(initial);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = form.validate(values);
    if (!body) return;
    setPending(true);
    try {
      await onSubmit(body);
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(false);
    }
  };

  if (categories.isPending) return <Spinner />;
  if (categories.isError) return <Alert tone="error">{errorMessage(t, categories.error)}</Alert>;
  if (categories.data.items.length === 0) return <Alert tone="info">{t('forum.noCategories')}</Alert>;
  const options = categories.data.items.map((c) => ({
    value: c.id,
    label: c.organizationId ? `${categoryName(c, language)} (${t('forum.private')})` : categoryName(c, language),
  }));

  return (
    <form className="form" onSubmit={submit} noValidate>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      <SelectField
        label={t('forum.form.category')}
        name="categoryId"
        value={values.categoryId}
        error={form.fields.categoryId}
        onChange={(e) => setValues({ ...values, categoryId: e.target.value })}
        options={[{ value: '', label: t('forum.form.chooseCategory') }, ...options]}
      />
      <TextField
        label={t('forum.form.title')}
        name="title"
        value={values.title}
        error={form.fields.title}
        hint={t('forum.form.titleHint')}
        maxLength={200}
        dir="auto"
        onChange={(e) => setValues({ ...values, title: e.target.value })}
      />
      <Composer
        label={t('forum.form.body')}
        value={values.body}
        error={form.fields.body}
        onChange={(body) => setValues({ ...values, body })}
        rows={12}
      />
      <div className="actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? pendingLabel : submitLabel}
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
