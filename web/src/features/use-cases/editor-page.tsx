import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { useUseCase } from './case-api.js';
import { textLang } from './case-format.js';
import { caseTitle } from './use-case-labels.js';
import { CaseEditorForm } from './editor-form.js';
import './case-styles.css';

/** /use-cases/new: a new case, saved as a draft or published at once. */
export function NewCasePage() {
  const { t } = useTranslation();
  return (
    <div className="stack">
      <nav aria-label={t('useCase.breadcrumb')} className="breadcrumb">
        <Link to="/use-cases">{t('useCase.library')}</Link>
      </nav>
      <PageTitle>{t('useCase.editor.newTitle')}</PageTitle>
      <p className="muted">{t('useCase.editor.intro')}</p>
      <CaseEditorForm />
    </div>
  );
}

/** /use-cases/:id/edit: for the author, the owning organization's admins and moderators. */
export function EditCasePage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const query = useUseCase(id);
  if (query.isPending) return <Spinner />;
  if (query.isError) {
    return (
      <div className="stack">
        <PageTitle>{t('useCase.notFoundTitle')}</PageTitle>
        <Alert tone="error">{errorMessage(t, query.error)}</Alert>
        <p>
          <Link to="/use-cases">{t('useCase.backToLibrary')}</Link>
        </p>
      </div>
    );
  }
  const useCase = query.data;
  return (
    <div className="stack">
      <nav aria-label={t('useCase.breadcrumb')} className="breadcrumb">
        <Link to="/use-cases">{t('useCase.library')}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/use-cases/${useCase.id}`} dir="auto" lang={textLang(caseTitle(useCase, language))}>
          {caseTitle(useCase, language)}
        </Link>
      </nav>
      <PageTitle>{t('useCase.editor.editTitle')}</PageTitle>
      {useCase.can.edit ? (
        <CaseEditorForm key={useCase.id} existing={useCase} />
      ) : (
        <Alert tone="error">{t('useCase.editor.notAllowed')}</Alert>
      )}
    </div>
  );
}
