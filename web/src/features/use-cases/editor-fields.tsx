import { INDUSTRIES, USE_CASE_CATEGORIES, USE_CASE_VISIBILITIES, type UseCaseVisibility } from '@p2p/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextAreaField, TextField } from '../../components/ui/field.js';
import { useLanguage } from '../../lib/use-language.js';
import { categoryLabel, industryLabel } from './use-case-labels.js';
import type { Draft } from './editor-draft.js';
import { TermsInput } from './editor-terms-input.js';

interface SectionProps {
  draft: Draft;
  set: <K extends keyof Draft>(key: K, value: Draft[K]) => void;
  errorFor: (path: string) => string | undefined;
}

/** Title and summary, with their optional Arabic versions typed right to left. */
export function AboutFields({ draft, set, errorFor }: SectionProps) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        label={t('useCase.fields.title')}
        hint={t('useCase.editor.titleHint')}
        value={draft.title}
        maxLength={200}
        dir="auto"
        error={errorFor('title')}
        onChange={(e) => set('title', e.target.value)}
      />
      <TextAreaField
        label={t('useCase.fields.summary')}
        hint={t('useCase.editor.summaryHint')}
        value={draft.summary}
        rows={3}
        maxLength={2000}
        dir="auto"
        error={errorFor('summary')}
        onChange={(e) => set('summary', e.target.value)}
      />
      <TextField
        label={t('useCase.fields.titleAr')}
        optionalLabel={t('common.optional')}
        value={draft.titleAr}
        maxLength={200}
        lang="ar"
        dir="rtl"
        error={errorFor('titleAr')}
        onChange={(e) => set('titleAr', e.target.value)}
      />
      <TextAreaField
        label={t('useCase.fields.summaryAr')}
        optionalLabel={t('common.optional')}
        value={draft.summaryAr}
        rows={3}
        maxLength={2000}
        lang="ar"
        dir="rtl"
        error={errorFor('summaryAr')}
        onChange={(e) => set('summaryAr', e.target.value)}
      />
    </>
  );
}

/** Category, industry, technologies, tags and vendors. */
export function ClassificationFields({ draft, set, errorFor }: SectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <>
      <div className="form__row">
        <SelectField
          label={t('useCase.fields.category')}
          value={draft.category}
          error={errorFor('category')}
          onChange={(e) => set('category', e.target.value as Draft['category'])}
          options={[
            { value: '', label: t('useCase.editor.choose') },
            ...USE_CASE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(c, language) })),
          ]}
        />
        <SelectField
          label={t('useCase.fields.industry')}
          value={draft.industry}
          error={errorFor('industry')}
          onChange={(e) => set('industry', e.target.value as Draft['industry'])}
          options={[
            { value: '', label: t('useCase.editor.choose') },
            ...INDUSTRIES.map((i) => ({ value: i, label: industryLabel(i, language) })),
          ]}
        />
      </div>
      <TermsInput
        kind="technology"
        label={t('useCase.fields.technologies')}
        hint={t('useCase.editor.termsHint')}
        values={draft.technologies}
        onChange={(v) => set('technologies', v)}
        error={errorFor('technologies')}
      />
      <TermsInput
        kind="tag"
        label={t('useCase.fields.tags')}
        hint={t('useCase.editor.termsHint')}
        values={draft.tags}
        onChange={(v) => set('tags', v)}
        error={errorFor('tags')}
      />
      <TermsInput
        label={t('useCase.fields.vendors')}
        hint={t('useCase.editor.vendorsHint')}
        values={draft.vendors}
        onChange={(v) => set('vendors', v)}
        error={errorFor('vendors')}
        max={20}
        maxLength={120}
      />
    </>
  );
}

/** Who may read the case, each choice explained. */
export function VisibilityField({
  value,
  onChange,
  error,
}: {
  value: UseCaseVisibility;
  onChange: (value: UseCaseVisibility) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="radio-group" aria-describedby={error ? `${id}-error` : undefined}>
      <legend>{t('useCase.fields.visibility')}</legend>
      {USE_CASE_VISIBILITIES.map((visibility) => (
        <div key={visibility} className="radio">
          <input
            id={`${id}-${visibility}`}
            type="radio"
            name={`${id}-visibility`}
            value={visibility}
            checked={value === visibility}
            onChange={() => onChange(visibility)}
            aria-describedby={`${id}-${visibility}-hint`}
          />
          <label htmlFor={`${id}-${visibility}`}>
            {t(`useCase.visibility.${visibility}`)}
            <span id={`${id}-${visibility}-hint`} className="radio__hint">
              {t(`useCase.visibilityHints.${visibility}`)}
            </span>
          </label>
        </div>
      ))}
      {error ? (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
