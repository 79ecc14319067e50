import type { UseCase } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatBytes, formatNumber, organizationName } from '../../lib/format.js';
import { useLanguage } from '../../lib/use-language.js';
import { categoryLabel, industryLabel, locationLabel, placeLabel, regionLabel } from './use-case-labels.js';
import { StaticMap } from './case-map.js';

const libraryLink = (key: string, value: string) => `/use-cases?${new URLSearchParams({ [key]: value }).toString()}`;

function TermLinks({ name, values }: { name: 'technology' | 'tag'; values: string[] }) {
  const { t } = useTranslation();
  return (
    <ul className="term-chips" aria-label={t(`useCase.details.${name === 'technology' ? 'technologies' : 'tags'}`)}>
      {values.map((value) => (
        <li key={value}>
          <Link
            className="term-chip term-chip--link"
            to={libraryLink(name, value)}
            aria-label={t(name === 'technology' ? 'useCase.details.moreWithTechnology' : 'useCase.details.moreWithTag', { value })}
          >
            <bdi>{value}</bdi>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Category, industry, technologies, tags, vendors and place: each links to the library filtered by it. */
export function CaseFacts({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const { location } = useCase;
  const place = locationLabel(location, language);
  return (
    <section className="card" aria-labelledby="facts-heading">
      <h2 id="facts-heading">{t('useCase.details.title')}</h2>
      <dl className="facts">
        <dt>{t('useCase.details.category')}</dt>
        <dd>
          <Link to={libraryLink('category', useCase.category)}>{categoryLabel(useCase.category, language)}</Link>
        </dd>
        <dt>{t('useCase.details.industry')}</dt>
        <dd>
          <Link to={libraryLink('industry', useCase.industry)}>{industryLabel(useCase.industry, language)}</Link>
        </dd>
        {useCase.technologies.length > 0 ? (
          <>
            <dt>{t('useCase.details.technologies')}</dt>
            <dd>
              <TermLinks name="technology" values={useCase.technologies} />
            </dd>
          </>
        ) : null}
        {useCase.tags.length > 0 ? (
          <>
            <dt>{t('useCase.details.tags')}</dt>
            <dd>
              <TermLinks name="tag" values={useCase.tags} />
            </dd>
          </>
        ) : null}
        {useCase.vendors.length > 0 ? (
          <>
            <dt>{t('useCase.details.vendors')}</dt>
            <dd>
              <ul className="plain-list">
                {useCase.vendors.map((vendor) => (
                  <li key={vendor}>
                    <bdi>{vendor}</bdi>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        <dt>{t('useCase.details.location')}</dt>
        <dd>
          {place ? (
            <>
              {location.city ? <Link to={libraryLink('city', location.city)}>{placeLabel(location.city, language)}</Link> : null}
              {location.city && location.region ? (language === 'ar' ? '، ' : ', ') : null}
              {location.region ? <Link to={libraryLink('region', location.region)}>{regionLabel(location.region, language)}</Link> : null}
            </>
          ) : (
            <span className="muted">{t('useCase.details.noLocation')}</span>
          )}
        </dd>
      </dl>
      {location.latitude !== null && location.longitude !== null ? (
        <div className="case-map">
          <StaticMap
            latitude={location.latitude}
            longitude={location.longitude}
            label={t('useCase.details.mapLabel', { place: place || t('useCase.details.pickedPoint') })}
          />
          <p className="muted case-map__coords" dir="ltr">
            {formatNumber(location.latitude, 'en', { maximumFractionDigits: 4 })},{' '}
            {formatNumber(location.longitude, 'en', { maximumFractionDigits: 4 })}
          </p>
        </div>
      ) : null}
    </section>
  );
}

/** The publishing company: logo, name, industry, city and how many public cases it has. */
export function CompanyCard({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const company = useCase.company;
  const name = organizationName(company, language);
  const city = placeLabel(company.city, language);
  return (
    <section className="card company-card" aria-labelledby="company-heading">
      <h2 id="company-heading">{t('useCase.company.title')}</h2>
      <div className="org-heading">
        {company.logoUrl ? <img className="profile-card__logo" src={company.logoUrl} alt="" width={48} height={48} /> : null}
        <p className="org-name">
          <bdi>{name}</bdi>
        </p>
      </div>
      <dl className="facts">
        {company.industry ? (
          <>
            <dt>{t('useCase.details.industry')}</dt>
            <dd>{industryLabel(company.industry, language)}</dd>
          </>
        ) : null}
        {city ? (
          <>
            <dt>{t('useCase.company.city')}</dt>
            <dd>
              <bdi>{city}</bdi>
            </dd>
          </>
        ) : null}
        <dt>{t('useCase.company.publicCases')}</dt>
        <dd>{formatNumber(company.publicUseCasesCount, language)}</dd>
      </dl>
      <p>
        <Link to={`/organizations/${company.id}`}>{t('useCase.company.view', { name })}</Link>
      </p>
    </section>
  );
}

/** Pictures as a gallery, documents as download links. */
export function CaseMedia({ useCase }: { useCase: UseCase }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (useCase.images.length === 0 && useCase.attachments.length === 0) return null;
  return (
    <section className="card" aria-labelledby="media-heading">
      <h2 id="media-heading">{t('useCase.media.title')}</h2>
      {useCase.images.length > 0 ? (
        <ul className="gallery" aria-label={t('useCase.media.images')}>
          {useCase.images.map((image, index) => (
            <li key={image.fileId}>
              <a
                href={image.url}
                target="_blank"
                rel="noopener"
                aria-label={t('useCase.media.openImage', { number: index + 1, name: image.name })}
              >
                <img
                  src={image.url}
                  alt={t('useCase.media.imageAlt', { number: index + 1, total: useCase.images.length })}
                  loading="lazy"
                />
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      {useCase.attachments.length > 0 ? (
        <>
          <h3>{t('useCase.media.attachments')}</h3>
          <ul className="attachments">
            {useCase.attachments.map((file) => (
              <li key={file.fileId}>
                <a href={file.url} download={file.name}>
                  <bdi>{file.name}</bdi>
                </a>{' '}
                <span className="muted">({formatBytes(file.sizeBytes, language)})</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
