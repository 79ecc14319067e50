import { SAUDI_PLACES, SAUDI_REGIONS, type SaudiRegion, findPlace } from '@p2p/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { SelectField, TextField } from '../../components/ui/field.js';
import { useLanguage } from '../../lib/use-language.js';
import { regionLabel } from './use-case-labels.js';
import { StaticMap } from './case-map.js';
import { type PlaceDraft, type PlaceMode, parseNumber } from './editor-draft.js';
import { formatNumber } from '../../lib/format.js';

interface PlacePickerProps {
  value: PlaceDraft;
  onChange: (patch: Partial<PlaceDraft>) => void;
  errors: { city?: string | undefined; region?: string | undefined; latitude?: string | undefined; longitude?: string | undefined };
}

const MODES: PlaceMode[] = ['list', 'manual', 'none'];

/**
 * Where the project happened: a place from the built-in list of Saudi cities and industrial cities
 * (grouped by region, named in both languages; it brings its region and coordinates), or a point
 * typed by hand, or no location at all.
 */
export function PlacePicker({ value, onChange, errors }: PlacePickerProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const other = language === 'ar' ? 'en' : 'ar';
  const id = useId();
  const place = findPlace(value.placeSlug);
  const latitude = parseNumber(value.latitude);
  const longitude = parseNumber(value.longitude);
  const manualPoint =
    value.placeMode === 'manual' && latitude !== null && longitude !== null && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180
      ? { latitude, longitude }
      : null;
  const coordinates = (lat: number, lng: number) =>
    `${formatNumber(lat, 'en', { maximumFractionDigits: 4 })}, ${formatNumber(lng, 'en', { maximumFractionDigits: 4 })}`;

  return (
    <div className="stack stack--tight">
      <fieldset className="radio-group">
        <legend>{t('useCase.editor.place.how')}</legend>
        {MODES.map((mode) => (
          <div key={mode} className="radio">
            <input
              id={`${id}-${mode}`}
              type="radio"
              name={`${id}-mode`}
              value={mode}
              checked={value.placeMode === mode}
              onChange={() => onChange({ placeMode: mode })}
              aria-describedby={`${id}-${mode}-hint`}
            />
            <label htmlFor={`${id}-${mode}`}>
              {t(`useCase.editor.place.modes.${mode}`)}
              <span id={`${id}-${mode}-hint`} className="radio__hint">
                {t(`useCase.editor.place.hints.${mode}`)}
              </span>
            </label>
          </div>
        ))}
      </fieldset>

      {value.placeMode === 'list' ? (
        <div className={`field${errors.city ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-place`}>{t('useCase.editor.place.place')}</label>
          <select
            id={`${id}-place`}
            value={value.placeSlug}
            aria-invalid={errors.city ? true : undefined}
            aria-describedby={errors.city ? `${id}-place-error` : undefined}
            onChange={(event) => onChange({ placeSlug: event.target.value })}
          >
            <option value="">{t('useCase.editor.place.choose')}</option>
            {SAUDI_REGIONS.map((region) => {
              const places = SAUDI_PLACES.filter((p) => p.region === region);
              if (places.length === 0) return null;
              return (
                <optgroup key={region} label={regionLabel(region, language)}>
                  {places.map((p) => (
                    <option key={p.slug} value={p.slug}>
                      {`${p[language]} — ${p[other]}${p.industrial ? ` (${t('useCase.editor.place.industrial')})` : ''}`}
                    </option>
                  ))}
                </optgroup>
              );
            })}
          </select>
          {errors.city ? (
            <p id={`${id}-place-error`} className="field__error">
              {errors.city}
            </p>
          ) : null}
        </div>
      ) : null}

      {value.placeMode === 'list' && place ? (
        <div className="case-map">
          <p className="place-summary" role="status">
            {t('useCase.editor.place.filled', { region: regionLabel(place.region, language) })}{' '}
            <span dir="ltr">{coordinates(place.latitude, place.longitude)}</span>
          </p>
          <StaticMap
            latitude={place.latitude}
            longitude={place.longitude}
            label={t('useCase.details.mapLabel', { place: place[language] })}
          />
        </div>
      ) : null}

      {value.placeMode === 'manual' ? (
        <>
          <div className="form__row">
            <TextField
              label={t('useCase.editor.place.cityName')}
              optionalLabel={t('common.optional')}
              value={value.city}
              maxLength={100}
              dir="auto"
              error={errors.city}
              onChange={(e) => onChange({ city: e.target.value })}
            />
            <SelectField
              label={t('useCase.editor.place.region')}
              optionalLabel={t('common.optional')}
              value={value.region}
              error={errors.region}
              onChange={(e) => onChange({ region: e.target.value as SaudiRegion | '' })}
              options={[
                { value: '', label: t('useCase.editor.place.noRegion') },
                ...SAUDI_REGIONS.map((r) => ({ value: r, label: regionLabel(r, language) })),
              ]}
            />
          </div>
          <div className="form__row">
            <TextField
              label={t('useCase.editor.place.latitude')}
              hint={t('useCase.editor.place.latitudeHint')}
              inputMode="decimal"
              className="number-input"
              value={value.latitude}
              error={errors.latitude}
              onChange={(e) => onChange({ latitude: e.target.value })}
            />
            <TextField
              label={t('useCase.editor.place.longitude')}
              hint={t('useCase.editor.place.longitudeHint')}
              inputMode="decimal"
              className="number-input"
              value={value.longitude}
              error={errors.longitude}
              onChange={(e) => onChange({ longitude: e.target.value })}
            />
          </div>
          {manualPoint ? (
            <div className="case-map">
              <StaticMap
                latitude={manualPoint.latitude}
                longitude={manualPoint.longitude}
                label={t('useCase.details.mapLabel', { place: coordinates(manualPoint.latitude, manualPoint.longitude) })}
              />
            </div>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
