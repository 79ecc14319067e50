/**
 * Saudi Arabia's 13 regions and a built-in list of cities and industrial cities with coordinates
 * (WGS84, city centre or the industrial city's centre). Use cases pick a place from here or give
 * their own coordinates; the web app and the server read the same list.
 */
export const SAUDI_REGIONS = [
  'riyadh',
  'makkah',
  'madinah',
  'eastern',
  'qassim',
  'hail',
  'tabuk',
  'northern_borders',
  'al_jawf',
  'jazan',
  'najran',
  'al_bahah',
  'asir',
] as const;
export type SaudiRegion = (typeof SAUDI_REGIONS)[number];

export const REGION_LABELS: Record<SaudiRegion, { en: string; ar: string }> = {
  riyadh: { en: 'Riyadh Region', ar: 'منطقة الرياض' },
  makkah: { en: 'Makkah Region', ar: 'منطقة مكة المكرمة' },
  madinah: { en: 'Madinah Region', ar: 'منطقة المدينة المنورة' },
  eastern: { en: 'Eastern Province', ar: 'المنطقة الشرقية' },
  qassim: { en: 'Qassim Region', ar: 'منطقة القصيم' },
  hail: { en: 'Hail Region', ar: 'منطقة حائل' },
  tabuk: { en: 'Tabuk Region', ar: 'منطقة تبوك' },
  northern_borders: { en: 'Northern Borders Region', ar: 'منطقة الحدود الشمالية' },
  al_jawf: { en: 'Al-Jawf Region', ar: 'منطقة الجوف' },
  jazan: { en: 'Jazan Region', ar: 'منطقة جازان' },
  najran: { en: 'Najran Region', ar: 'منطقة نجران' },
  al_bahah: { en: 'Al-Bahah Region', ar: 'منطقة الباحة' },
  asir: { en: 'Asir Region', ar: 'منطقة عسير' },
};

export interface SaudiPlace {
  slug: string;
  en: string;
  ar: string;
  region: SaudiRegion;
  latitude: number;
  longitude: number;
  /** An industrial city (MODON, Royal Commission or economic city) rather than a town. */
  industrial: boolean;
}

const place = (
  slug: string,
  en: string,
  ar: string,
  region: SaudiRegion,
  latitude: number,
  longitude: number,
  industrial = false,
): SaudiPlace => ({
  slug,
  en,
  ar,
  region,
  latitude,
  longitude,
  industrial,
});

export const SAUDI_PLACES: readonly SaudiPlace[] = [
  place('riyadh', 'Riyadh', 'الرياض', 'riyadh', 24.7136, 46.6753),
  place(
    'riyadh-2nd-industrial-city',
    'Riyadh Second Industrial City',
    'المدينة الصناعية الثانية بالرياض',
    'riyadh',
    24.5703,
    46.8581,
    true,
  ),
  place('sudair', 'Sudair City for Industry and Business', 'مدينة سدير للصناعة والأعمال', 'riyadh', 25.7213, 45.5911, true),
  place('al-kharj', 'Al-Kharj', 'الخرج', 'riyadh', 24.1556, 47.312),
  place('jeddah', 'Jeddah', 'جدة', 'makkah', 21.4858, 39.1925),
  place('jeddah-industrial-city', 'Jeddah Industrial City', 'المدينة الصناعية بجدة', 'makkah', 21.3856, 39.2336, true),
  place('makkah', 'Makkah', 'مكة المكرمة', 'makkah', 21.3891, 39.8579),
  place('taif', 'Taif', 'الطائف', 'makkah', 21.2703, 40.4158),
  place('rabigh', 'Rabigh', 'رابغ', 'makkah', 22.7986, 39.0349, true),
  place('kaec', 'King Abdullah Economic City', 'مدينة الملك عبدالله الاقتصادية', 'makkah', 22.4526, 39.133, true),
  place('madinah', 'Madinah', 'المدينة المنورة', 'madinah', 24.5247, 39.5692),
  place('yanbu', 'Yanbu', 'ينبع', 'madinah', 24.0895, 38.0618),
  place('yanbu-industrial-city', 'Yanbu Industrial City', 'مدينة ينبع الصناعية', 'madinah', 23.9603, 38.2469, true),
  place('dammam', 'Dammam', 'الدمام', 'eastern', 26.4207, 50.0888),
  place(
    'dammam-2nd-industrial-city',
    'Dammam Second Industrial City',
    'المدينة الصناعية الثانية بالدمام',
    'eastern',
    26.2567,
    49.9911,
    true,
  ),
  place('khobar', 'Khobar', 'الخبر', 'eastern', 26.2172, 50.1971),
  place('dhahran', 'Dhahran', 'الظهران', 'eastern', 26.2361, 50.0393),
  place('qatif', 'Qatif', 'القطيف', 'eastern', 26.5196, 50.0115),
  place('jubail', 'Jubail', 'الجبيل', 'eastern', 27.0046, 49.646),
  place('jubail-industrial-city', 'Jubail Industrial City', 'مدينة الجبيل الصناعية', 'eastern', 26.9598, 49.5687, true),
  place('ras-al-khair', 'Ras Al-Khair', 'رأس الخير', 'eastern', 27.535, 49.2, true),
  place('al-ahsa', 'Al-Ahsa (Hofuf)', 'الأحساء', 'eastern', 25.3832, 49.5877),
  place('hafar-al-batin', 'Hafar Al-Batin', 'حفر الباطن', 'eastern', 28.4342, 45.9636),
  place('buraydah', 'Buraydah', 'بريدة', 'qassim', 26.326, 43.975),
  place('unaizah', 'Unaizah', 'عنيزة', 'qassim', 26.0843, 43.9935),
  place('hail', 'Hail', 'حائل', 'hail', 27.5114, 41.7208),
  place('tabuk', 'Tabuk', 'تبوك', 'tabuk', 28.3835, 36.5662),
  place('arar', 'Arar', 'عرعر', 'northern_borders', 30.9753, 41.0381),
  place('waad-al-shamal', 'Waad Al-Shamal', 'وعد الشمال', 'northern_borders', 31.6767, 38.6883, true),
  place('sakaka', 'Sakaka', 'سكاكا', 'al_jawf', 29.9697, 40.2064),
  place('jazan', 'Jazan', 'جازان', 'jazan', 16.8892, 42.5511),
  place(
    'jazan-economic-city',
    'Jazan City for Primary and Downstream Industries',
    'مدينة جازان للصناعات الأساسية والتحويلية',
    'jazan',
    16.6514,
    42.6858,
    true,
  ),
  place('najran', 'Najran', 'نجران', 'najran', 17.5656, 44.2289),
  place('al-bahah', 'Al-Bahah', 'الباحة', 'al_bahah', 20.0129, 41.4677),
  place('abha', 'Abha', 'أبها', 'asir', 18.2164, 42.5053),
  place('khamis-mushait', 'Khamis Mushait', 'خميس مشيط', 'asir', 18.3, 42.7333),
];

const PLACES_BY_SLUG = new Map(SAUDI_PLACES.map((entry) => [entry.slug, entry]));

export function findPlace(slug: string | null | undefined): SaudiPlace | undefined {
  return slug ? PLACES_BY_SLUG.get(slug) : undefined;
}

/**
 * Great-circle distance in km on the sphere PostgreSQL's earthdistance uses (radius 6,378.168 km), so
 * a distance computed here and one the server's radius search computes agree.
 */
export const EARTH_RADIUS_KM = 6378.168;

/** Great-circle distance in km (haversine on EARTH_RADIUS_KM). */
export function distanceKm(a: { latitude: number; longitude: number }, b: { latitude: number; longitude: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLng = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
