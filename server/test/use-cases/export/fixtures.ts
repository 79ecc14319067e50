import type { UseCase } from '@p2p/contracts';
import type { ExportSourceCase } from '../../../src/modules/use-cases/export/export-fields.js';

export const BASE_URL = 'https://p2p.example.sa';

const ORGANIZATION = { id: '7d3c1f5e-8a0b-4c2d-9e1f-2a3b4c5d6e7f', name: 'Gulf Pumps Co.', nameAr: 'شركة مضخات الخليج', logoUrl: null };

const OUTCOMES = {
  roiPercent: 185.5,
  paybackMonths: 7,
  investmentSar: 420_000,
  annualSavingsSar: 1_250_000,
  efficiencyGainPercent: 12,
  qualityImprovementPercent: null,
  downtimeReductionPercent: 38,
  energySavingsPercent: null,
};

/** A maintenance case with an Arabic title, a mixed Arabic/Latin summary and a published date. */
export const PUMP_CASE: ExportSourceCase = {
  id: '0b7e2c1a-5d4f-4e3a-9b2c-1d0e9f8a7b6c',
  title: 'Predictive maintenance of pumps',
  titleAr: 'صيانة المضخات التنبؤية',
  summary: 'Vibration sensors on 40 pumps, "early warnings", and a CMMS, all in one line',
  summaryAr: 'خط تعبئة PLC Siemens S7 مع مستشعرات الاهتزاز',
  category: 'maintenance',
  industry: 'petrochemicals',
  technologies: ['IoT', 'Vibration analysis', 'مستشعرات'],
  tags: ['pumps', 'predictive'],
  location: { city: 'jubail-industrial-city', region: 'eastern', country: 'SA', latitude: 26.9598, longitude: 49.5687 },
  organization: ORGANIZATION,
  visibility: 'public',
  status: 'published',
  featured: true,
  verified: false,
  viewsCount: 1234,
  likesCount: 56,
  savesCount: 7,
  publishedAt: '2025-03-01T09:30:00.000Z',
  outcomes: OUTCOMES,
  implementationMonths: 4,
  vendors: ['Siemens', 'SKF'],
  extraOutcomes: [{ label: 'Scrap rate', value: -2.1, unit: '%' }],
};

/** Awkward text for CSV: commas, quotes, a line break, a leading formula sign, and no Arabic title. */
export const AWKWARD_CASE: ExportSourceCase = {
  ...PUMP_CASE,
  id: '1c8f3d2b-6e5a-4f4b-8c3d-2e1f0a9b8c7d',
  title: 'Line 3, "Filler" retrofit\nphase two',
  titleAr: null,
  summary: '=HYPERLINK("http://evil")',
  summaryAr: null,
  category: 'automation',
  technologies: [],
  tags: [],
  location: { city: 'Somewhere, with a comma', region: null, country: 'SA', latitude: null, longitude: null },
  featured: false,
  publishedAt: null,
  outcomes: { ...OUTCOMES, roiPercent: -12.5, annualSavingsSar: null },
  implementationMonths: null,
  vendors: [],
};

/**
 * Arabic text in which a letter that does not join the next one (ا أ إ آ د ذ ر ز و, and lam-alef) is
 * followed by another letter. The embedded font kerns some of these pairs apart (ر or ز before an
 * initial ي, an alef or lam-alef before ك: up to 0.17 em), which text extractors can take for a word
 * break. Each phrase fits on one line at the title size.
 */
export const NON_JOINING = {
  title: 'الصيانة التنبؤية لمضخات مياه التبريد في الجبيل',
  titleAr: 'بريد المدير الذكي لاكتشاف الأعطال الأكبر',
  summary: 'أكبر وكيل زيت في الوزارة يكمل تدريب الحرير',
  heading: 'إكمال آلية اكتشاف الوقود',
} as const;

const ARABIC_WORDS = ['صيانة', 'المضخات', 'خط', 'تعبئة', 'الجودة', 'الطاقة', 'مصنع', 'الرياض'];
const LATIN_WORDS = ['pump', 'line', 'PLC', 'Siemens', 'S7', 'quality', 'energy', 'vision'];

/** `count` varied cases for size and speed checks. */
export function manyCases(count: number): ExportSourceCase[] {
  return Array.from({ length: count }, (_, index) => {
    const pick = (words: string[], offset: number) => words[(index + offset) % words.length]!;
    return {
      ...PUMP_CASE,
      id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
      title: `Case ${index + 1}: ${pick(LATIN_WORDS, 0)} ${pick(LATIN_WORDS, 3)} improvement at plant ${index % 17}`,
      titleAr: `${pick(ARABIC_WORDS, 0)} ${pick(ARABIC_WORDS, 1)} ${pick(LATIN_WORDS, 2)} ${index + 1}`,
      technologies: [pick(LATIN_WORDS, 1), pick(ARABIC_WORDS, 5)],
      outcomes: { ...OUTCOMES, roiPercent: (index * 7) % 400, paybackMonths: (index % 36) + 1 },
      viewsCount: index * 3,
    };
  });
}

/** The full case as the case page reads it, for the single-case exports. */
export const PUMP_USE_CASE: UseCase = {
  ...PUMP_CASE,
  extraOutcomes: PUMP_CASE.extraOutcomes ?? [],
  roiPercent: OUTCOMES.roiPercent,
  paybackMonths: OUTCOMES.paybackMonths,
  investmentSar: OUTCOMES.investmentSar,
  annualSavingsSar: OUTCOMES.annualSavingsSar,
  hidden: false,
  coverImageUrl: null,
  createdAt: '2025-02-20T08:00:00.000Z',
  updatedAt: '2025-03-02T08:00:00.000Z',
  challenge: 'Unplanned **pump failures** stopped the line twice a month.\n\n- Bearings wore out early\n- No spare parts on site',
  solution: '## Sensors\nWe fitted vibration sensors and fed a CMMS.\n\nخط تعبئة PLC Siemens S7 يرسل الإنذارات.',
  results: 'Downtime fell by 38% in six months.',
  challengeHtml: '<p>…</p>',
  solutionHtml: '<p>…</p>',
  resultsHtml: '<p>…</p>',
  images: [],
  attachments: [],
  company: { ...ORGANIZATION, industry: 'petrochemicals', city: 'Jubail', region: 'eastern', size: '51-200', publicUseCasesCount: 3 },
  author: null,
  version: 2,
  likedByMe: true,
  savedByMe: false,
  reportedByMe: false,
  can: { edit: false, delete: false, publish: false, moderate: false, viewEngagement: false, like: true, report: true },
};

/** A case whose title, Arabic title, summary and a section heading are the phrases of NON_JOINING. */
export const NON_JOINING_CASE: ExportSourceCase = {
  ...PUMP_CASE,
  id: '2d9a4e3c-7f6b-4a5c-9d4e-3f2a1b0c9d8e',
  title: NON_JOINING.title,
  titleAr: NON_JOINING.titleAr,
  summary: NON_JOINING.summary,
  summaryAr: NON_JOINING.titleAr,
};

export const NON_JOINING_USE_CASE: UseCase = {
  ...PUMP_USE_CASE,
  ...NON_JOINING_CASE,
  extraOutcomes: [],
  solution: `## ${NON_JOINING.heading}\n${NON_JOINING.summary}`,
};
