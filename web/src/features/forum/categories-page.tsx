import { type CreateForumCategoryBody, type ForumCategory, createForumCategoryBodySchema } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../../components/ui/field.js';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { useForm } from '../../lib/use-form.js';
import { useCategories, useSaveCategory } from './api.js';
import { categoryName } from './format.js';
import { useLanguage } from '../../lib/use-language.js';

interface Draft {
  slug: string;
  nameEn: string;
  nameAr: string;
  descriptionEn: string;
  descriptionAr: string;
  position: string;
  organizationId: string;
}

const EMPTY: Draft = { slug: '', nameEn: '', nameAr: '', descriptionEn: '', descriptionAr: '', position: '', organizationId: '' };

function draftOf(c: ForumCategory): Draft {
  return {
    slug: c.slug,
    nameEn: c.nameEn,
    nameAr: c.nameAr,
    descriptionEn: c.descriptionEn ?? '',
    descriptionAr: c.descriptionAr ?? '',
    position: String(c.position),
    organizationId: c.organizationId ?? '',
  };
}

function bodyOf(d: Draft): CreateForumCategoryBody {
  const position = Number(d.position);
  return {
    slug: d.slug.trim(),
    nameEn: d.nameEn,
    nameAr: d.nameAr,
    descriptionEn: d.descriptionEn.trim() || null,
    descriptionAr: d.descriptionAr.trim() || null,
    ...(d.position.trim() && Number.isInteger(position) ? { position } : {}),
    organizationId: d.organizationId.trim() || null,
  };
}

function CategoryForm({ category, onDone }: { category?: ForumCategory; onDone: () => void }) {
  const { t } = useTranslation();
  const save = useSaveCategory();
  const form = useForm(createForumCategoryBodySchema);
  const [draft, setDraft] = useState<Draft>(category ? draftOf(category) : EMPTY);
  const [saved, setSaved] = useState(false);
  const set = (key: keyof Draft) => (event: { target: { value: string } }) => setDraft({ ...draft, [key]: event.target.value });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const body = form.validate(bodyOf(draft));
    if (!body) return;
    save.mutate(
      { id: category?.id, body },
      {
        onSuccess: () => {
          setSaved(true);
          if (!category) setDraft(EMPTY);
          onDone();
        },
        onError: (error) => form.showError(error),
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {form.formError ? (
        <Alert tone="error" requestId={form.formError.requestId}>
          {form.formError.message}
        </Alert>
      ) : null}
      {saved ? <Alert tone="success">{t('forum.categoriesAdmin.saved')}</Alert> : null}
      <div className="form__row">
        <TextField
          label={t('forum.categoriesAdmin.nameEn')}
          value={draft.nameEn}
          onChange={set('nameEn')}
          error={form.fields.nameEn}
          lang="en"
          dir="ltr"
        />
        <TextField
          label={t('forum.categoriesAdmin.nameAr')}
          value={draft.nameAr}
          onChange={set('nameAr')}
          error={form.fields.nameAr}
          lang="ar"
          dir="rtl"
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('forum.categoriesAdmin.descriptionEn')}
          value={draft.descriptionEn}
          onChange={set('descriptionEn')}
          error={form.fields.descriptionEn}
          optionalLabel={t('common.optional')}
          lang="en"
          dir="ltr"
        />
        <TextField
          label={t('forum.categoriesAdmin.descriptionAr')}
          value={draft.descriptionAr}
          onChange={set('descriptionAr')}
          error={form.fields.descriptionAr}
          optionalLabel={t('common.optional')}
          lang="ar"
          dir="rtl"
        />
      </div>
      <div className="form__row">
        <TextField
          label={t('forum.categoriesAdmin.slug')}
          hint={t('forum.categoriesAdmin.slugHint')}
          value={draft.slug}
          onChange={set('slug')}
          error={form.fields.slug}
          dir="ltr"
        />
        <TextField
          label={t('forum.categoriesAdmin.position')}
          type="number"
          min={0}
          value={draft.position}
          onChange={set('position')}
          error={form.fields.position}
          optionalLabel={t('common.optional')}
        />
        <TextField
          label={t('forum.categoriesAdmin.organizationId')}
          hint={t('forum.categoriesAdmin.organizationIdHint')}
          value={draft.organizationId}
          onChange={set('organizationId')}
          error={form.fields.organizationId}
          optionalLabel={t('common.optional')}
          dir="ltr"
        />
      </div>
      <button type="submit" className="button button--primary" disabled={save.isPending}>
        {save.isPending ? t('common.saving') : category ? t('forum.form.saveChanges') : t('forum.categoriesAdmin.create')}
      </button>
    </form>
  );
}

function CategoryEntry({ category }: { category: ForumCategory }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [editing, setEditing] = useState(false);
  return (
    <li className="category">
      <h3 className="category__name">
        {categoryName(category, language)}
        {category.organizationId ? <span className="badge badge--private">{t('forum.private')}</span> : null}
      </h3>
      <p className="category__meta muted">
        <span dir="ltr">{category.slug}</span>
        <span>{t('forum.topicsLabel', { count: category.topicsCount })}</span>
      </p>
      <button type="button" className="button button--small" aria-expanded={editing} onClick={() => setEditing(!editing)}>
        {editing ? t('forum.cancel') : t('forum.categoriesAdmin.editNamed', { name: categoryName(category, language) })}
      </button>
      {editing ? <CategoryForm category={category} onDone={() => setEditing(false)} /> : null}
    </li>
  );
}

/** Platform administrators create and rename the forum's categories. */
export function CategoriesPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const categories = useCategories();
  const isSuperadmin = me?.platformRole === 'superadmin';
  return (
    <div className="stack">
      <nav aria-label={t('forum.breadcrumb')} className="breadcrumb">
        <Link to="/forum">{t('forum.title')}</Link>
      </nav>
      <PageTitle>{t('forum.categoriesAdmin.title')}</PageTitle>
      {!isSuperadmin ? (
        <Alert tone="error">{t('forum.categoriesAdmin.onlySuperadmins')}</Alert>
      ) : (
        <>
          <section className="card" aria-labelledby="new-category">
            <h2 id="new-category">{t('forum.categoriesAdmin.newTitle')}</h2>
            <CategoryForm onDone={() => undefined} />
          </section>
          <section className="card" aria-labelledby="existing-categories">
            <h2 id="existing-categories">{t('forum.categories')}</h2>
            {categories.isPending ? <Spinner /> : null}
            {categories.isError ? <Alert tone="error">{errorMessage(t, categories.error)}</Alert> : null}
            {categories.data ? (
              categories.data.items.length === 0 ? (
                <EmptyState>{t('forum.noCategories')}</EmptyState>
              ) : (
                <ul className="categories">
                  {categories.data.items.map((c) => (
                    <CategoryEntry key={c.id} category={c} />
                  ))}
                </ul>
              )
            ) : null}
          </section>
        </>
      )}
    </div>
  );
}
