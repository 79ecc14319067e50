import type { FacetCount, UseCaseFacets } from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../lib/use-language.js';
import { type FlagFacet, type LibraryState, type ListFacet, clearFilters, toggleFacet } from './library-filters.js';
import { categoryLabel, industryLabel, placeLabel, regionLabel } from './use-case-labels.js';
import { formatNumber } from '../../lib/format.js';

/** Long value lists (technologies) show this many until "show all". */
const COLLAPSED_LENGTH = 8;

function valueLabel(facet: ListFacet | 'city', value: string, language: Language): string {
  switch (facet) {
    case 'category':
      return categoryLabel(value, language);
    case 'industry':
      return industryLabel(value, language);
    case 'region':
      return regionLabel(value, language);
    case 'city':
      return placeLabel(value, language);
    default:
      return value;
  }
}

/**
 * The values to offer: the API's counts (the facet's own filter left out, so they stay disjunctive), plus
 * any chosen value the counts no longer include, shown with 0 so it can still be unticked.
 */
export function facetOptions(counts: FacetCount[], selected: string[]): FacetCount[] {
  const known = new Set(counts.map((entry) => entry.value));
  return [...counts, ...selected.filter((value) => !known.has(value)).map((value) => ({ value, count: 0 }))];
}

interface FacetGroupProps {
  facet: ListFacet | 'city';
  counts: FacetCount[];
  selected: string[];
  onToggle: (value: string) => void;
}

function FacetGroup({ facet, counts, selected, onToggle }: FacetGroupProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [expanded, setExpanded] = useState(false);
  const options = facetOptions(counts, selected);
  if (options.length === 0) return null;
  // Chosen values stay visible when the list is collapsed.
  const visible = expanded ? options : options.filter((option, index) => index < COLLAPSED_LENGTH || selected.includes(option.value));
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{t(`useCases.facets.${facet}`)}</legend>
      <ul className="facet__list" id={`${id}-list`}>
        {visible.map((option, index) => {
          const inputId = `${id}-${index}`;
          return (
            <li key={option.value} className="checkbox facet__option">
              <input id={inputId} type="checkbox" checked={selected.includes(option.value)} onChange={() => onToggle(option.value)} />
              <label htmlFor={inputId}>
                <bdi>{valueLabel(facet, option.value, language)}</bdi>{' '}
                <span className="facet__count">({formatNumber(option.count, language)})</span>
              </label>
            </li>
          );
        })}
      </ul>
      {options.length > visible.length || expanded ? (
        <button
          type="button"
          className="link-button"
          aria-expanded={expanded}
          aria-controls={`${id}-list`}
          onClick={() => setExpanded((value) => !value)}
        >
          {expanded ? t('useCases.facets.showFewer') : t('useCases.facets.showAll', { count: formatNumber(options.length, language) })}
        </button>
      ) : null}
    </fieldset>
  );
}

function FlagGroup({
  facets,
  state,
  onToggle,
}: {
  facets: UseCaseFacets | null | undefined;
  state: LibraryState;
  onToggle: (facet: FlagFacet) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const count = (facet: FlagFacet) => facets?.[facet].find((entry) => entry.value === 'true')?.count ?? 0;
  return (
    <fieldset className="facet">
      <legend className="facet__legend">{t('useCases.facets.recognition')}</legend>
      <ul className="facet__list">
        {(['verified', 'featured'] as const).map((facet) => (
          <li key={facet} className="checkbox facet__option">
            <input id={`${id}-${facet}`} type="checkbox" checked={state[facet]} onChange={() => onToggle(facet)} />
            <label htmlFor={`${id}-${facet}`}>
              {t(`useCases.facets.${facet}Only`)} <span className="facet__count">({formatNumber(count(facet), language)})</span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

function RoiRange({ state, onApply }: { state: LibraryState; onApply: (roiMin: string, roiMax: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [min, setMin] = useState(state.roiMin);
  const [max, setMax] = useState(state.roiMax);
  const invalid = min !== '' && max !== '' && Number(min) > Number(max);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!invalid) onApply(min.trim(), max.trim());
  };
  return (
    <form className="roi-range" onSubmit={submit}>
      <fieldset className="facet">
        <legend className="facet__legend">{t('useCases.facets.roi')}</legend>
        <div className="roi-range__inputs">
          <div className="field">
            <label htmlFor={`${id}-min`}>{t('useCases.facets.roiMin')}</label>
            <input
              id={`${id}-min`}
              type="number"
              inputMode="decimal"
              step="any"
              value={min}
              onChange={(event) => setMin(event.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${id}-error` : undefined}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-max`}>{t('useCases.facets.roiMax')}</label>
            <input
              id={`${id}-max`}
              type="number"
              inputMode="decimal"
              step="any"
              value={max}
              onChange={(event) => setMax(event.target.value)}
              aria-invalid={invalid || undefined}
              aria-describedby={invalid ? `${id}-error` : undefined}
            />
          </div>
        </div>
        {invalid ? (
          <p className="field__error" id={`${id}-error`}>
            {t('useCases.facets.roiInvalid')}
          </p>
        ) : null}
        <button type="submit" className="button button--small">
          {t('useCases.facets.apply')}
        </button>
      </fieldset>
    </form>
  );
}

interface FacetPanelProps<S extends string> {
  facets: UseCaseFacets | null | undefined;
  state: LibraryState<S>;
  onChange: (next: LibraryState<S>) => void;
}

/** Checkbox facets with counts, the ROI range and "clear all"; each change goes straight to the URL. */
export function FacetPanel<S extends string>({ facets, state, onChange }: FacetPanelProps<S>) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  // Small screens fold the facets away behind a button so the results come first; wide ones always show them.
  const [expanded, setExpanded] = useState(false);
  const groups: ListFacet[] = ['category', 'industry', 'technology', 'region', 'year'];
  const active =
    [...groups, 'city' as const].reduce((sum, facet) => sum + state[facet].length, 0) +
    Number(state.verified) +
    Number(state.featured) +
    Number(state.roiMin !== '' || state.roiMax !== '');
  return (
    <section className="facet-panel" aria-labelledby="facet-panel-heading">
      <div className="facet-panel__head">
        <h2 id="facet-panel-heading">{t('useCases.facets.title')}</h2>
        {active > 0 ? (
          <button type="button" className="link-button" onClick={() => onChange({ ...clearFilters(state), q: state.q })}>
            {t('useCases.facets.clear')}
          </button>
        ) : null}
      </div>
      <button
        type="button"
        className="button button--small facet-panel__toggle"
        aria-expanded={expanded}
        aria-controls={`${id}-body`}
        onClick={() => setExpanded((value) => !value)}
      >
        {expanded ? t('useCases.facets.hide') : t('useCases.facets.show', { count: formatNumber(active, language) })}
      </button>
      <div id={`${id}-body`} className="facet-panel__body" data-expanded={expanded}>
        {state.city.length > 0 ? (
          <FacetGroup
            facet="city"
            counts={[]}
            selected={state.city}
            onToggle={(value) => onChange({ ...state, city: state.city.filter((entry) => entry !== value), page: 1 })}
          />
        ) : null}
        {groups.map((facet) => (
          <FacetGroup
            key={facet}
            facet={facet}
            counts={facets?.[facet] ?? []}
            selected={state[facet]}
            onToggle={(value) => onChange(toggleFacet(state, facet, value))}
          />
        ))}
        <FlagGroup facets={facets} state={state} onToggle={(facet) => onChange(toggleFacet(state, facet, 'true'))} />
        <RoiRange
          key={`${state.roiMin}|${state.roiMax}`}
          state={state}
          onApply={(roiMin, roiMax) => onChange({ ...state, roiMin, roiMax, page: 1 })}
        />
      </div>
    </section>
  );
}
