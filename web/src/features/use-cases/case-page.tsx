import type { UseCase } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useMe } from '../../lib/session.js';
import { AuthorCard } from '../../components/content/author.js';
import { MarkdownBody } from '../../components/content/markdown.js';
import { CaseModeratorControls, CaseOwnerActions, CaseReaderActions } from './case-actions.js';
import { useUseCase } from './case-api.js';
import { textLang } from './case-format.js';
import { CaseFacts, CaseMedia, CompanyCard } from './case-details.js';
import { CaseEngagement } from './case-engagement.js';
import { CaseBanners, CaseHeader } from './case-header.js';
import { CaseOutcomes } from './case-outcomes.js';
import { CaseNearby, CaseRelated } from './case-related.js';
import { CaseVersions } from './case-versions.js';
import './case-styles.css';

const SECTIONS = { challenge: 'challengeHtml', solution: 'solutionHtml', results: 'resultsHtml' } as const;

function CaseSections({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const filled = (Object.keys(SECTIONS) as Array<keyof typeof SECTIONS>).filter((section) => useCase[SECTIONS[section]].trim().length > 0);
  if (filled.length === 0) return null;
  return (
    <>
      {filled.map((section) => (
        <section key={section} className="card" aria-labelledby={`section-${section}`}>
          <h2 id={`section-${section}`}>{t(`useCase.sections.${section}`)}</h2>
          {/* A section takes the direction of its own text, so lists and paragraphs line up in either interface. */}
          <div dir="auto" lang={textLang(useCase[section])}>
            <MarkdownBody html={useCase[SECTIONS[section]]} className="case-section" />
          </div>
        </section>
      ))}
    </>
  );
}

function NotAvailable({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { data: me } = useMe();
  return (
    <div className="stack">
      <PageTitle>{t('useCase.notFoundTitle')}</PageTitle>
      <Alert tone="error">{errorMessage(t, error)}</Alert>
      {!me ? (
        <p>
          <Link to={`/sign-in?next=${encodeURIComponent(location.pathname)}`}>{t('useCase.signInToSeeMore')}</Link>
        </p>
      ) : null}
      <p>
        <Link to="/use-cases">{t('useCase.backToLibrary')}</Link>
      </p>
    </div>
  );
}

/** One use case with everything it holds; guests see public published cases. */
export function CasePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useUseCase(id);
  if (query.isPending) return <Spinner />;
  if (query.isError) return <NotAvailable error={query.error} />;
  const useCase = query.data;
  return (
    <article className="stack case-page">
      <CaseBanners useCase={useCase} />
      <CaseHeader useCase={useCase} />
      <div className="card case-toolbar">
        <CaseReaderActions useCase={useCase} />
        <CaseOwnerActions useCase={useCase} />
      </div>
      <CaseModeratorControls useCase={useCase} />
      <div className="case-layout">
        <div className="stack case-layout__main">
          <CaseOutcomes useCase={useCase} />
          <CaseSections useCase={useCase} />
          <CaseMedia useCase={useCase} />
        </div>
        <aside className="stack case-layout__side" aria-label={t('useCase.details.aside')}>
          <CaseFacts useCase={useCase} />
          <CompanyCard useCase={useCase} />
          {useCase.author ? (
            <section className="card" aria-labelledby="author-heading">
              <h2 id="author-heading">{t('useCase.header.author')}</h2>
              <AuthorCard author={useCase.author} />
            </section>
          ) : null}
        </aside>
      </div>
      {useCase.can.viewEngagement ? <CaseEngagement useCaseId={useCase.id} /> : null}
      <CaseRelated useCaseId={useCase.id} />
      <CaseNearby useCase={useCase} />
      <CaseVersions useCaseId={useCase.id} currentVersion={useCase.version} />
    </article>
  );
}
