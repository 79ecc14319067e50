import { SAUDI_PLACES, SAUDI_REGIONS, findPlace, type SaudiRegion } from '@p2p/contracts';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useLanguage } from '../../lib/use-language.js';
import { LocationStatisticsTable } from './library-location-stats.js';
import { SaudiMap } from './saudi-map.js';
import { CaseCardList } from './use-case-card.js';
import { formatKm, placeLabel, regionLabel } from './use-case-labels.js';
import { type LocationQuery, useLocationFilter } from './use-cases-api.js';
import './library.css';
import { formatNumber } from '../../lib/format.js';

const MODES = ['city', 'region', 'near'] as const;
type Mode = (typeof MODES)[number];
const DEFAULT_RADIUS_KM = 100;
const MAX_RADIUS_KM = 2000;

export interface LocationSearch {
  mode: Mode;
  place: string;
  region: SaudiRegion | '';
  radiusKm: number;
  page: number;
}

/** The page's URL (?city=, ?region= or ?near=&radiusKm=) as a search; unknown places are dropped. */
export function readLocationSearch(params: URLSearchParams): LocationSearch {
  const page = Number(params.get('page'));
  const radius = Number(params.get('radiusKm'));
  const region = params.get('region') ?? '';
  const near = params.get('near') ?? '';
  const city = params.get('city') ?? '';
  const base = {
    page: Number.isInteger(page) && page > 0 ? page : 1,
    radiusKm: radius > 0 && radius <= MAX_RADIUS_KM ? radius : DEFAULT_RADIUS_KM,
  };
  if (findPlace(near)) return { ...base, mode: 'near', place: near, region: '' };
  if ((SAUDI_REGIONS as readonly string[]).includes(region)) return { ...base, mode: 'region', place: '', region: region as SaudiRegion };
  return { ...base, mode: 'city', place: findPlace(city) ? city : '', region: '' };
}

/** What GET /use-cases/location/filter is asked; "near" uses the chosen place's coordinates. */
export function locationQuery(search: LocationSearch): LocationQuery | null {
  if (search.mode === 'region') return search.region ? { region: search.region, page: search.page } : null;
  const place = findPlace(search.place);
  if (!place) return null;
  if (search.mode === 'near') return { lat: place.latitude, lng: place.longitude, radiusKm: search.radiusKm, page: search.page };
  return { city: place.slug, page: search.page };
}

function writeLocationSearch(search: LocationSearch): URLSearchParams {
  const out = new URLSearchParams();
  if (search.mode === 'region' && search.region) out.set('region', search.region);
  if (search.mode === 'city' && search.place) out.set('city', search.place);
  if (search.mode === 'near' && search.place) {
    out.set('near', search.place);
    out.set('radiusKm', String(search.radiusKm));
  }
  if (search.page > 1) out.set('page', String(search.page));
  return out;
}

function LocationForm({ initial, onSubmit }: { initial: LocationSearch; onSubmit: (search: LocationSearch) => void }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [draft, setDraft] = useState(initial);
  const [radius, setRadius] = useState(String(initial.radiusKm));
  const radiusValue = Number(radius);
  const radiusInvalid = draft.mode === 'near' && !(radiusValue > 0 && radiusValue <= MAX_RADIUS_KM);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!radiusInvalid) onSubmit({ ...draft, radiusKm: draft.mode === 'near' ? radiusValue : draft.radiusKm, page: 1 });
  };
  return (
    <form className="form location-form" onSubmit={submit} noValidate>
      <fieldset className="segmented-radios">
        <legend>{t('useCases.location.mode')}</legend>
        {MODES.map((mode) => (
          <div key={mode} className="checkbox">
            <input
              id={`location-mode-${mode}`}
              type="radio"
              name="mode"
              value={mode}
              checked={draft.mode === mode}
              onChange={() => setDraft({ ...draft, mode })}
            />
            <label htmlFor={`location-mode-${mode}`}>{t(`useCases.location.modes.${mode}`)}</label>
          </div>
        ))}
      </fieldset>
      <div className="form__row">
        {draft.mode === 'region' ? (
          <div className="field">
            <label htmlFor="location-region">{t('useCases.location.region')}</label>
            <select
              id="location-region"
              value={draft.region}
              onChange={(event) => setDraft({ ...draft, region: event.target.value as SaudiRegion | '' })}
            >
              <option value="">{t('useCases.location.choose')}</option>
              {SAUDI_REGIONS.map((region) => (
                <option key={region} value={region}>
                  {regionLabel(region, language)}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor="location-place">{draft.mode === 'near' ? t('useCases.location.nearPlace') : t('useCases.location.city')}</label>
            <select id="location-place" value={draft.place} onChange={(event) => setDraft({ ...draft, place: event.target.value })}>
              <option value="">{t('useCases.location.choose')}</option>
              {SAUDI_REGIONS.map((region) => (
                <optgroup key={region} label={regionLabel(region, language)}>
                  {SAUDI_PLACES.filter((place) => place.region === region).map((place) => (
                    <option key={place.slug} value={place.slug}>
                      {place[language]}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          </div>
        )}
        {draft.mode === 'near' ? (
          <div className={`field${radiusInvalid ? ' field--invalid' : ''}`}>
            <label htmlFor="location-radius">{t('useCases.location.radius')}</label>
            <input
              id="location-radius"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_RADIUS_KM}
              value={radius}
              onChange={(event) => setRadius(event.target.value)}
              aria-invalid={radiusInvalid || undefined}
              aria-describedby={radiusInvalid ? 'location-radius-error' : undefined}
            />
            {radiusInvalid ? (
              <p className="field__error" id="location-radius-error">
                {t('useCases.location.radiusInvalid', { max: formatNumber(MAX_RADIUS_KM, language) })}
              </p>
            ) : null}
          </div>
        ) : null}
      </div>
      <button type="submit" className="button button--primary">
        {t('useCases.location.submit')}
      </button>
    </form>
  );
}

/** /use-cases/location: cases in a city or region, or within a radius of a place, and counts by region. */
export function LocationPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const [params, setParams] = useSearchParams();
  const search = readLocationSearch(params);
  const query = locationQuery(search);
  const results = useLocationFilter(query);
  const go = (next: LocationSearch) => setParams(writeLocationSearch(next));
  const heading =
    search.mode === 'region'
      ? t('useCases.location.resultsInRegion', { place: regionLabel(search.region, language) })
      : search.mode === 'near'
        ? t('useCases.location.resultsNear', { place: placeLabel(search.place, language), radius: formatKm(search.radiusKm, language) })
        : t('useCases.location.resultsInCity', { place: placeLabel(search.place, language) });
  const centre = search.mode === 'near' ? findPlace(search.place) : undefined;
  const clusterHref = (cities: string[]) => `/use-cases?${new URLSearchParams(cities.map((city) => ['city', city])).toString()}`;

  return (
    <div className="stack">
      <nav aria-label={t('useCases.breadcrumb')} className="breadcrumb">
        <Link to="/use-cases">{t('useCases.library.title')}</Link>
      </nav>
      <PageTitle>{t('useCases.location.title')}</PageTitle>
      <div className="card">
        <LocationForm key={params.toString()} initial={search} onSubmit={go} />
      </div>
      <section className="card" aria-labelledby="location-results-heading" aria-busy={results.isFetching}>
        <h2 id="location-results-heading">{query ? heading : t('useCases.location.results')}</h2>
        {!query ? <EmptyState>{t('useCases.location.prompt')}</EmptyState> : null}
        {query && results.isPending ? <Spinner /> : null}
        {results.isError ? <Alert tone="error">{errorMessage(t, results.error)}</Alert> : null}
        {query && results.data ? (
          <>
            <p className="muted" role="status">
              {t('useCases.browse.count', { count: formatNumber(results.data.total, language) })}
            </p>
            {results.data.items.length === 0 ? (
              <EmptyState title={t('useCases.location.noResultsTitle')}>{t('useCases.location.noResults')}</EmptyState>
            ) : (
              <>
                <SaudiMap
                  cases={results.data.items}
                  total={results.data.total}
                  clusterHref={clusterHref}
                  area={centre ? { latitude: centre.latitude, longitude: centre.longitude, radiusKm: search.radiusKm } : undefined}
                />
                <CaseCardList items={results.data.items} start={(results.data.page - 1) * results.data.pageSize + 1} />
                <Pagination page={results.data.page} totalPages={results.data.totalPages} onPage={(page) => go({ ...search, page })} />
              </>
            )}
          </>
        ) : null}
      </section>
      <LocationStatisticsTable regionHref={(region) => `/use-cases/location?${new URLSearchParams({ region }).toString()}`} />
    </div>
  );
}
