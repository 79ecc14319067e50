import {
  type CreateUseCaseBody,
  type Industry,
  OUTCOME_KEYS,
  type OutcomeField,
  type SaudiRegion,
  type UseCase,
  type UseCaseCategory,
  type UseCaseFile,
  type UseCaseVisibility,
  findPlace,
} from '@p2p/contracts';
import type { TFunction } from 'i18next';
import type { Issue } from '../../lib/form-errors.js';

export type PlaceMode = 'none' | 'list' | 'manual';

export interface ExtraRow {
  /** Stable key for React while rows are added and removed. */
  key: string;
  label: string;
  value: string;
  unit: string;
}

export interface PlaceDraft {
  placeMode: PlaceMode;
  /** The SAUDI_PLACES slug chosen from the list. */
  placeSlug: string;
  /** A place name typed by hand. */
  city: string;
  region: SaudiRegion | '';
  latitude: string;
  longitude: string;
}

/** The editor's state: what the inputs hold, as text where the reader types numbers. */
export interface Draft extends PlaceDraft {
  title: string;
  titleAr: string;
  summary: string;
  summaryAr: string;
  challenge: string;
  solution: string;
  results: string;
  category: UseCaseCategory | '';
  industry: Industry | '';
  technologies: string[];
  tags: string[];
  vendors: string[];
  outcomes: Record<OutcomeField, string>;
  extraOutcomes: ExtraRow[];
  implementationMonths: string;
  visibility: UseCaseVisibility;
  images: UseCaseFile[];
  attachments: UseCaseFile[];
}

let rowSequence = 0;
export const newExtraRow = (values: Partial<ExtraRow> = {}): ExtraRow => ({
  key: `row-${(rowSequence += 1)}`,
  label: '',
  value: '',
  unit: '',
  ...values,
});

const emptyOutcomes = () => Object.fromEntries(OUTCOME_KEYS.map((key) => [key, ''])) as Record<OutcomeField, string>;

export function emptyDraft(): Draft {
  return {
    title: '',
    titleAr: '',
    summary: '',
    summaryAr: '',
    challenge: '',
    solution: '',
    results: '',
    category: '',
    industry: '',
    technologies: [],
    tags: [],
    vendors: [],
    outcomes: emptyOutcomes(),
    extraOutcomes: [],
    implementationMonths: '',
    placeMode: 'none',
    placeSlug: '',
    city: '',
    region: '',
    latitude: '',
    longitude: '',
    visibility: 'public',
    images: [],
    attachments: [],
  };
}

const text = (value: number | null | undefined) => (value === null || value === undefined ? '' : String(value));

/** A stored case as editor state; a place from the list is recognised by its slug and coordinates. */
export function draftFromCase(useCase: UseCase): Draft {
  const { location } = useCase;
  const place = findPlace(location.city);
  const isListedPlace = place !== undefined && location.latitude === place.latitude && location.longitude === place.longitude;
  const hasLocation = Boolean(location.city) || location.latitude !== null || location.longitude !== null || location.region !== null;
  return {
    title: useCase.title,
    titleAr: useCase.titleAr ?? '',
    summary: useCase.summary,
    summaryAr: useCase.summaryAr ?? '',
    challenge: useCase.challenge,
    solution: useCase.solution,
    results: useCase.results,
    category: useCase.category,
    industry: useCase.industry,
    technologies: [...useCase.technologies],
    tags: [...useCase.tags],
    vendors: [...useCase.vendors],
    outcomes: Object.fromEntries(OUTCOME_KEYS.map((key) => [key, text(useCase.outcomes[key])])) as Record<OutcomeField, string>,
    extraOutcomes: useCase.extraOutcomes.map((extra) => newExtraRow({ label: extra.label, value: String(extra.value), unit: extra.unit })),
    implementationMonths: text(useCase.implementationMonths),
    placeMode: isListedPlace ? 'list' : hasLocation ? 'manual' : 'none',
    placeSlug: isListedPlace ? place.slug : '',
    city: isListedPlace ? '' : (location.city ?? ''),
    region: location.region ?? '',
    latitude: isListedPlace ? '' : text(location.latitude),
    longitude: isListedPlace ? '' : text(location.longitude),
    visibility: useCase.visibility,
    images: [...useCase.images],
    attachments: [...useCase.attachments],
  };
}

/**
 * A typed number: Arabic-Indic digits and the Arabic decimal separator are accepted, group separators
 * ignored. Empty → null; anything else that is not a number → NaN, which the schema then refuses.
 */
export function parseNumber(input: string): number | null {
  const normalised = input
    .trim()
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/\u066B/g, '.')
    .replace(/[,\u066C\s]/g, '')
    .replace(/^\u2212/, '-');
  if (normalised === '') return null;
  return Number(normalised);
}

function locationOf(draft: PlaceDraft) {
  if (draft.placeMode === 'list') {
    const place = findPlace(draft.placeSlug);
    // No place chosen yet: `city` stays empty and the schema check below names the field.
    if (!place) return { city: null, region: null, latitude: null, longitude: null };
    return { city: place.slug, region: place.region, latitude: place.latitude, longitude: place.longitude };
  }
  if (draft.placeMode === 'manual') {
    return {
      city: draft.city.trim() || null,
      region: draft.region || null,
      latitude: parseNumber(draft.latitude),
      longitude: parseNumber(draft.longitude),
    };
  }
  return { city: null, region: null, latitude: null, longitude: null };
}

/** The request body the draft stands for (before the schema checks it). */
export function bodyFromDraft(draft: Draft): CreateUseCaseBody {
  return {
    title: draft.title,
    titleAr: draft.titleAr.trim() || null,
    summary: draft.summary,
    summaryAr: draft.summaryAr.trim() || null,
    challenge: draft.challenge,
    solution: draft.solution,
    results: draft.results,
    // An unset choice is left out, so the schema reports the field as required.
    category: (draft.category || undefined) as UseCaseCategory,
    industry: (draft.industry || undefined) as Industry,
    technologies: draft.technologies,
    tags: draft.tags,
    vendors: draft.vendors,
    outcomes: Object.fromEntries(OUTCOME_KEYS.map((key) => [key, parseNumber(draft.outcomes[key])])),
    extraOutcomes: draft.extraOutcomes
      .filter((row) => row.label.trim() || row.value.trim() || row.unit.trim())
      .map((row) => ({ label: row.label, value: parseNumber(row.value) ?? Number.NaN, unit: row.unit })),
    implementationMonths: parseNumber(draft.implementationMonths),
    ...locationOf(draft),
    country: 'SA',
    imageFileIds: draft.images.map((file) => file.fileId),
    attachmentFileIds: draft.attachments.map((file) => file.fileId),
    visibility: draft.visibility,
  };
}

/** Checks the schema cannot make: a place must be chosen, and coordinates come in pairs. */
export function placeIssues(draft: PlaceDraft): Issue[] {
  if (draft.placeMode === 'list' && !findPlace(draft.placeSlug)) return [{ path: 'city', code: 'required' }];
  if (draft.placeMode !== 'manual') return [];
  const hasLat = draft.latitude.trim() !== '';
  const hasLng = draft.longitude.trim() !== '';
  if (hasLat && !hasLng) return [{ path: 'longitude', code: 'required' }];
  if (hasLng && !hasLat) return [{ path: 'latitude', code: 'required' }];
  return [];
}

/** The fields whose value differs from the stored case, so an edit records only what really changed. */
export function changedKeys(before: CreateUseCaseBody, after: CreateUseCaseBody): Array<keyof CreateUseCaseBody> {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)] as Array<keyof CreateUseCaseBody>);
  return [...keys].filter((key) => JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null));
}

/** Allowed range of each number field, as the contract sets it (null: no practical bound). */
const NUMBER_RANGES: Record<string, [number | null, number | null]> = {
  'outcomes.roiPercent': [null, null],
  'outcomes.paybackMonths': [0, 1200],
  'outcomes.investmentSar': [0, null],
  'outcomes.annualSavingsSar': [null, null],
  'outcomes.efficiencyGainPercent': [-100, 10000],
  'outcomes.qualityImprovementPercent': [-100, 10000],
  'outcomes.downtimeReductionPercent': [null, 100],
  'outcomes.energySavingsPercent': [null, 100],
  implementationMonths: [0, 240],
  latitude: [-90, 90],
  longitude: [-180, 180],
};

const isNumberPath = (path: string) => path in NUMBER_RANGES || /^extraOutcomes\.\d+\.value$/.test(path);

/** For a number field, what a valid value looks like; the generic text messages do not fit numbers. */
export function numberMessage(t: TFunction, path: string): string {
  const [min, max] = NUMBER_RANGES[path] ?? [null, null];
  if (min !== null && max !== null) return t('useCase.editor.errors.numberBetween', { min, max });
  if (min !== null) return t('useCase.editor.errors.numberAtLeast', { min });
  if (max !== null) return t('useCase.editor.errors.numberAtMost', { max });
  return t('useCase.editor.errors.number');
}

/** The message for a field: its own, or the first of its items' ("technologies.2" shows at "technologies"). */
export function messageFor(t: TFunction, fields: Record<string, string>, path: string): string | undefined {
  const key = path in fields ? path : Object.keys(fields).find((k) => k.startsWith(`${path}.`));
  if (key === undefined) return undefined;
  if (isNumberPath(key)) return numberMessage(t, key);
  return fields[key];
}
