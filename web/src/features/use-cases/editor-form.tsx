import { type UpdateUseCaseBody, type UseCase, createUseCaseBodySchema } from '@p2p/contracts';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/ui/feedback.js';
import { useForm } from '../../lib/use-form.js';
import { useCreateCase, usePublishCase, useUpdateCase } from './case-api.js';
import { type Draft, bodyFromDraft, changedKeys, draftFromCase, emptyDraft, messageFor, placeIssues } from './editor-draft.js';
import { AboutFields, ClassificationFields, VisibilityField } from './editor-fields.js';
import { FilesEditor } from './editor-files.js';
import { MarkdownField } from './editor-markdown.js';
import { OutcomesEditor } from './editor-outcomes.js';
import { PlacePicker } from './editor-place-picker.js';

type Intent = 'draft' | 'publish' | 'save' | 'archive' | 'republish';

const SECTIONS = ['challenge', 'solution', 'results'] as const;

/** Which buttons a case in this state offers, the first being the form's default (Enter) action. */
function intentsFor(existing: UseCase | undefined): Intent[] {
  if (!existing || existing.status === 'draft') return existing && !existing.can.publish ? ['draft'] : ['draft', 'publish'];
  if (existing.status === 'published') return ['save', 'archive'];
  return existing.can.publish ? ['save', 'republish'] : ['save'];
}

/**
 * The case editor. Checked with the shared schema before sending; the server's field errors then show
 * next to their fields. Editing a published case sends only the fields that changed, so its version
 * history records what really changed.
 */
export function CaseEditorForm({ existing }: { existing?: UseCase }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [initial] = useState<Draft>(() => (existing ? draftFromCase(existing) : emptyDraft()));
  const [draft, setDraft] = useState<Draft>(initial);
  const [pending, setPending] = useState<Intent | null>(null);
  const [uploads, setUploads] = useState({ images: false, attachments: false });
  const form = useForm(createUseCaseBodySchema);
  const create = useCreateCase();
  const update = useUpdateCase(existing?.id ?? '');
  const publish = usePublishCase(existing?.id ?? '');
  const intents = intentsFor(existing);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errorFor = (path: string) => {
    const message = messageFor(t, form.fields, path);
    // An unchosen list is reported by the schema as an invalid value; to the reader it is a missing one.
    if (message && (path === 'category' || path === 'industry') && draft[path] === '') return t('fieldErrors.required');
    return message;
  };
  const busy = pending !== null || uploads.images || uploads.attachments;

  const run = async (intent: Intent) => {
    const raw = bodyFromDraft(draft);
    const parsed = form.validate(raw, placeIssues(draft));
    if (!parsed) return;
    setPending(intent);
    try {
      let saved: UseCase;
      if (!existing) {
        saved = await create.mutateAsync({ ...parsed, publish: intent === 'publish' });
      } else {
        const keys = changedKeys(bodyFromDraft(initial), raw);
        const body = Object.fromEntries(keys.map((key) => [key, parsed[key]])) as UpdateUseCaseBody;
        if (intent === 'archive') body.status = 'archived';
        if (intent === 'republish') body.status = 'published';
        saved = Object.keys(body).length > 0 ? await update.mutateAsync(body) : existing;
        if (intent === 'publish') saved = await publish.mutateAsync();
      }
      await navigate(`/use-cases/${saved.id}`);
    } catch (error) {
      form.showError(error);
    } finally {
      setPending(null);
    }
  };

  // The button that submitted the form (Enter in a field clicks the first one, as browsers do).
  const chosen = useRef<Intent | null>(null);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const intent = chosen.current ?? intents[0]!;
    chosen.current = null;
    void run(intent);
  };

  return (
    <form className="editor" onSubmit={submit} noValidate aria-busy={busy}>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      <fieldset>
        <legend>{t('useCase.editor.sections.about')}</legend>
        <AboutFields draft={draft} set={set} errorFor={errorFor} />
      </fieldset>
      <fieldset>
        <legend>{t('useCase.editor.sections.classification')}</legend>
        <ClassificationFields draft={draft} set={set} errorFor={errorFor} />
      </fieldset>
      <fieldset>
        <legend>{t('useCase.editor.sections.story')}</legend>
        {SECTIONS.map((section) => (
          <MarkdownField
            key={section}
            label={t(`useCase.sections.${section}`)}
            hint={t(`useCase.editor.hints.${section}`)}
            value={draft[section]}
            error={errorFor(section)}
            onChange={(value) => set(section, value)}
          />
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('useCase.outcomes.title')}</legend>
        <OutcomesEditor
          outcomes={draft.outcomes}
          onOutcome={(field, value) => setDraft((d) => ({ ...d, outcomes: { ...d.outcomes, [field]: value } }))}
          implementationMonths={draft.implementationMonths}
          onImplementationMonths={(value) => set('implementationMonths', value)}
          extra={draft.extraOutcomes}
          onExtra={(rows) => set('extraOutcomes', rows)}
          errorFor={errorFor}
        />
      </fieldset>
      <fieldset>
        <legend>{t('useCase.details.location')}</legend>
        <PlacePicker
          value={draft}
          onChange={(patch) => setDraft((d) => ({ ...d, ...patch }))}
          errors={{ city: errorFor('city'), region: errorFor('region'), latitude: errorFor('latitude'), longitude: errorFor('longitude') }}
        />
      </fieldset>
      <fieldset>
        <legend>{t('useCase.media.title')}</legend>
        <FilesEditor
          kind="images"
          files={draft.images}
          onChange={(files) => set('images', files)}
          error={errorFor('imageFileIds')}
          onBusy={(b) => setUploads((u) => ({ ...u, images: b }))}
        />
        <FilesEditor
          kind="attachments"
          files={draft.attachments}
          onChange={(files) => set('attachments', files)}
          error={errorFor('attachmentFileIds')}
          onBusy={(b) => setUploads((u) => ({ ...u, attachments: b }))}
        />
      </fieldset>
      <fieldset>
        <legend>{t('useCase.editor.sections.visibility')}</legend>
        <VisibilityField value={draft.visibility} onChange={(v) => set('visibility', v)} error={errorFor('visibility')} />
      </fieldset>
      <div className="editor__bar">
        {intents.map((intent) => (
          <button
            key={intent}
            type="submit"
            className={`button${intent === 'publish' || intent === 'save' ? ' button--primary' : ''}`}
            disabled={busy}
            onClick={() => (chosen.current = intent)}
          >
            {pending === intent ? t(`useCase.editor.pending.${intent}`) : t(`useCase.editor.buttons.${intent}`)}
          </button>
        ))}
        <Link className="button button--ghost" to={existing ? `/use-cases/${existing.id}` : '/use-cases'}>
          {t('useCase.cancel')}
        </Link>
      </div>
      {existing?.status === 'published' ? <p className="muted">{t('useCase.editor.versionNote')}</p> : null}
    </form>
  );
}
