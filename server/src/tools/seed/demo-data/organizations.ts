import type { Industry, SubscriptionTier } from '@p2p/contracts';
import type { organizations } from '../../../modules/organizations/index.js';
import { PLATFORM_ORGANIZATION_NAME } from '../../create-admin/create-superadmin.js';

/**
 * Marks the "Platform" organization when the demo had to create it; one that existed before (made by
 * create-admin) has no website and is never removed by `seed -- clear`.
 */
export const DEMO_PLATFORM_DOMAIN = 'p2p-sandbox.example';

/** The key the demo users of the "Platform" organization refer to. */
export const PLATFORM_KEY = 'platform';

export type OrganizationSize = '1-10' | '11-50' | '51-200' | '201-500' | '500+';

export interface DemoOrganization {
  /** Stable key the demo users and invitations refer to. */
  key: string;
  name: string;
  nameAr: string;
  industry: Industry;
  size: OrganizationSize;
  tier: SubscriptionTier;
  city: string;
  region: string;
  /** Fictional domain on the reserved `.example` TLD: website, contact and user emails. */
  domain: string;
  contactPhone: string;
  description: string;
}

type OrganizationRow = [
  key: string,
  name: string,
  nameAr: string,
  industry: Industry,
  size: OrganizationSize,
  tier: SubscriptionTier,
  city: string,
  region: string,
  domain: string,
  contactPhone: string,
  description: string,
];

/** One company per industry, on every subscription tier, from Jubail to Jazan. */
// prettier-ignore
const ORGANIZATIONS: readonly OrganizationRow[] = [
  ['jubail-polymers', 'Jubail Polymers', 'شركة الجبيل للبوليمرات', 'plastics_rubber', '201-500', 'professional',
    'Jubail', 'Eastern Province', 'jubail-polymers.example', '+966 13 341 5520',
    'Converts polyethylene and polypropylene from the Jubail complex into pipes, films and injection-moulded crates for the Gulf market.'],
  ['najd-steel', 'Najd Steel Works', 'مصانع نجد للصلب', 'metals_steel', '500+', 'enterprise',
    'Riyadh', 'Riyadh', 'najd-steel.example', '+966 11 265 3300',
    "Electric-arc steel mill and rolling lines in Riyadh's Second Industrial City, producing rebar and merchant bars for construction."],
  ['red-sea-foods', 'Red Sea Food Industries', 'شركة البحر الأحمر للصناعات الغذائية', 'food_beverage', '201-500', 'professional',
    'Jeddah', 'Makkah', 'redsea-foods.example', '+966 12 636 7810',
    'Produces juices, dairy desserts and ready meals in Jeddah for retail chains across the Kingdom.'],
  ['gulf-coast-oilfield', 'Gulf Coast Oilfield Services', 'شركة ساحل الخليج لخدمات حقول النفط', 'oil_gas_services', '51-200', 'basic',
    'Dammam', 'Eastern Province', 'gulfcoast-oilfield.example', '+966 13 847 2290',
    'Repairs and certifies wellhead equipment, valves and pumps for operators and drilling contractors in the Eastern Province.'],
  ['yanbu-petro', 'Yanbu Petrochemical Derivatives', 'شركة ينبع لمشتقات البتروكيماويات', 'petrochemicals', '500+', 'enterprise',
    'Yanbu', 'Madinah', 'yanbu-petroderivatives.example', '+966 14 396 1100',
    'Turns ethylene and propylene feedstock into glycols, solvents and specialty derivatives at Yanbu Industrial City.'],
  ['alkharj-pharma', 'Al-Kharj Pharmaceutical Industries', 'شركة الخرج للصناعات الدوائية', 'pharmaceuticals', '201-500', 'professional',
    'Al-Kharj', 'Riyadh', 'alkharj-pharma.example', '+966 11 548 7720',
    'GMP-certified maker of generic tablets, syrups and sterile injectables, supplying hospitals and pharmacies nationwide.'],
  ['sudair-building', 'Sudair Building Materials', 'مصنع سدير لمواد البناء', 'building_materials', '51-200', 'basic',
    'Sudair', 'Riyadh', 'sudair-building.example', '+966 11 522 0415',
    'Makes concrete blocks, interlocking pavers and precast elements in Sudair City for Industry and Business.'],
  ['aja-cement', 'Aja Cement Company', 'شركة أجا للأسمنت', 'cement', '201-500', 'basic',
    'Hail', 'Hail', 'aja-cement.example', '+966 16 533 9040',
    'Clinker and cement plant near the Aja mountains, producing ordinary and sulphate-resisting Portland cement for the northern regions.'],
  ['dhahran-electrical', 'Dhahran Electrical Equipment', 'شركة الظهران للمعدات الكهربائية', 'electrical_equipment', '51-200', 'professional',
    'Dhahran', 'Eastern Province', 'dhahran-electrical.example', '+966 13 882 6610',
    'Designs and assembles low- and medium-voltage switchgear, motor control centres and distribution boards.'],
  ['smart-circuits', 'Smart Circuits Arabia', 'شركة الدوائر الذكية العربية', 'electronics', '11-50', 'trial',
    'KAEC', 'Makkah', 'smartcircuits-arabia.example', '+966 12 510 3370',
    'A young company assembling printed circuit boards, sensors and controllers in King Abdullah Economic City.'],
  ['khobar-auto', 'Khobar Auto Components', 'شركة الخبر لمكونات السيارات', 'automotive_parts', '51-200', 'basic',
    'Khobar', 'Eastern Province', 'khobar-autocomponents.example', '+966 13 899 4150',
    'Stamps, welds and coats brackets, exhaust parts and chassis components for vehicle assemblers and the aftermarket.'],
  ['hejaz-textiles', 'Hejaz Textile Mills', 'مصانع الحجاز للنسيج', 'textiles', '51-200', 'basic',
    'Makkah', 'Makkah', 'hejaz-textiles.example', '+966 12 558 2060',
    'Weaves and dyes cotton and polyester fabrics for uniforms, thobes and home textiles.'],
  ['madinah-packaging', 'Madinah Paper & Packaging', 'شركة المدينة للورق والتغليف', 'paper_packaging', '51-200', 'trial',
    'Madinah', 'Madinah', 'madinah-packaging.example', '+966 14 846 3390',
    'Produces corrugated cartons and printed paper packaging from recycled fibre for food and consumer-goods makers.'],
  ['alahsa-chemicals', 'Al-Ahsa Specialty Chemicals', 'شركة الأحساء للكيماويات المتخصصة', 'chemicals', '11-50', 'trial',
    'Al-Ahsa', 'Eastern Province', 'alahsa-chemicals.example', '+966 13 582 7740',
    'Blends water-treatment chemicals, cleaning agents and food-grade additives in small batches for local industry.'],
  ['asir-minerals', 'Asir Minerals & Quarries', 'شركة عسير للمعادن والمحاجر', 'mining', '51-200', 'basic',
    'Abha', 'Asir', 'asir-minerals.example', '+966 17 224 6180',
    'Quarries and processes limestone, granite and industrial minerals in the Asir highlands.'],
  ['jazan-water', 'Jazan Water Technologies', 'شركة جازان لتقنيات المياه', 'water_utilities', '11-50', 'trial',
    'Jazan', 'Jazan', 'jazan-water.example', '+966 17 321 8850',
    'Builds and operates compact desalination and wastewater units with remote monitoring for towns and factories on the Red Sea coast.'],
  ['tabuk-coldchain', 'Tabuk Cold Chain Logistics', 'شركة تبوك للنقل المبرّد والخدمات اللوجستية', 'logistics', '51-200', 'professional',
    'Tabuk', 'Tabuk', 'tabuk-coldchain.example', '+966 14 422 7730',
    'Runs refrigerated warehouses and a fleet of reefer trucks carrying fresh produce from Tabuk farms to the main cities.'],
  ['qassim-automation', 'Qassim Industrial Automation', 'شركة القصيم للأتمتة الصناعية', 'other', '11-50', 'trial',
    'Buraydah', 'Qassim', 'qassim-automation.example', '+966 16 381 2270',
    'A system integrator that retrofits PLC, SCADA and machine-vision systems in food and packaging plants across Qassim.'],
];

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = ORGANIZATIONS.map(
  ([key, name, nameAr, industry, size, tier, city, region, domain, contactPhone, description]) => ({
    key,
    name,
    nameAr,
    industry,
    size,
    tier,
    city,
    region,
    domain,
    contactPhone,
    description,
  }),
);

export function organizationWebsite(domain: string): string {
  return `https://${domain}`;
}

/** The row of a demo company: website and contact email on its domain; a trial runs until `trialEndsAt`. */
export function organizationValues(org: DemoOrganization, trialEndsAt: Date): typeof organizations.$inferInsert {
  return {
    name: org.name,
    nameAr: org.nameAr,
    industry: org.industry,
    size: org.size,
    city: org.city,
    region: org.region,
    website: organizationWebsite(org.domain),
    contactEmail: `info@${org.domain}`,
    contactPhone: org.contactPhone,
    description: org.description,
    subscriptionTier: org.tier,
    trialEndsAt: org.tier === 'trial' ? trialEndsAt : null,
  };
}

/** The superadmin's home, as create-admin makes it (an existing "Platform" organization is reused instead). */
export const PLATFORM_ORGANIZATION_VALUES: typeof organizations.$inferInsert = {
  name: PLATFORM_ORGANIZATION_NAME,
  nameAr: 'المنصة',
  city: 'Riyadh',
  region: 'Riyadh',
  website: organizationWebsite(DEMO_PLATFORM_DOMAIN),
  contactEmail: `support@${DEMO_PLATFORM_DOMAIN}`,
  description: 'The team that runs P2P Sandbox.',
  subscriptionTier: 'enterprise',
  trialEndsAt: null,
};
