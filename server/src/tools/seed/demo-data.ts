import { type Industry, type SubscriptionTier } from '@p2p/contracts';

/** The one password every demo account signs in with (documented in the README). */
export const DEMO_PASSWORD = 'Demo-Sandbox-2026';

/**
 * Marks the "Platform" organization when the demo had to create it; one that existed before (made by
 * create-admin) has no website and is never removed by `seed -- clear`.
 */
export const DEMO_PLATFORM_DOMAIN = 'p2p-sandbox.example';

export interface DemoCategory {
  slug: string;
  nameEn: string;
  nameAr: string;
  descriptionEn: string;
  descriptionAr: string;
  position: number;
}

/**
 * The six categories every installation starts with: migration 0008 creates them, the seed restores
 * any that was deleted, the benchmark data loads them.
 */
export const DEMO_CATEGORIES: readonly DemoCategory[] = [
  {
    slug: 'automation',
    nameEn: 'Automation & Control',
    nameAr: 'الأتمتة وأنظمة التحكم',
    descriptionEn: 'PLCs, SCADA, robotics and motion control on the shop floor.',
    descriptionAr: 'وحدات التحكم المنطقي القابلة للبرمجة وأنظمة سكادا والروبوتات والتحكم في الحركة داخل المصنع.',
    position: 1,
  },
  {
    slug: 'quality',
    nameEn: 'Quality & Compliance',
    nameAr: 'الجودة والمطابقة',
    descriptionEn: 'Inspection, statistical process control, ISO systems and SASO certification.',
    descriptionAr: 'الفحص والضبط الإحصائي للعمليات وأنظمة الأيزو وشهادات الهيئة السعودية للمواصفات والمقاييس والجودة.',
    position: 2,
  },
  {
    slug: 'maintenance',
    nameEn: 'Maintenance & Reliability',
    nameAr: 'الصيانة والموثوقية',
    descriptionEn: 'Preventive and predictive maintenance, spare parts and asset reliability.',
    descriptionAr: 'الصيانة الوقائية والتنبؤية وإدارة قطع الغيار وموثوقية الأصول.',
    position: 3,
  },
  {
    slug: 'ai',
    nameEn: 'AI & Analytics',
    nameAr: 'الذكاء الاصطناعي وتحليل البيانات',
    descriptionEn: 'Machine vision, forecasting and data analytics for production.',
    descriptionAr: 'الرؤية الآلية والتنبؤ وتحليل البيانات لتحسين الإنتاج.',
    position: 4,
  },
  {
    slug: 'iot',
    nameEn: 'Industrial IoT',
    nameAr: 'إنترنت الأشياء الصناعي',
    descriptionEn: 'Sensors, connectivity, edge devices and industrial data platforms.',
    descriptionAr: 'أجهزة الاستشعار والاتصال والحوسبة الطرفية ومنصات البيانات الصناعية.',
    position: 5,
  },
  {
    slug: 'general',
    nameEn: 'General Discussion',
    nameAr: 'نقاشات عامة',
    descriptionEn: 'Introductions, events, hiring and everything else about manufacturing in the Kingdom.',
    descriptionAr: 'التعارف والفعاليات والتوظيف وكل ما يتعلق بالصناعة في المملكة.',
    position: 6,
  },
];

export type OrganizationSize = '1-10' | '11-50' | '51-200' | '201-500' | '500+';

export interface DemoOrganization {
  /** Stable key the demo users refer to. */
  key: string;
  name: string;
  nameAr: string;
  industry: Industry;
  size: OrganizationSize;
  city: string;
  region: string;
  /** Fictional domain on the reserved `.example` TLD: website, contact and user emails. */
  domain: string;
  contactPhone: string;
  description: string;
  tier: SubscriptionTier;
}

export const DEMO_ORGANIZATIONS: readonly DemoOrganization[] = [
  {
    key: 'jubail-polymers',
    name: 'Jubail Polymers',
    nameAr: 'شركة الجبيل للبوليمرات',
    industry: 'plastics_rubber',
    size: '201-500',
    city: 'Jubail',
    region: 'Eastern Province',
    domain: 'jubail-polymers.example',
    contactPhone: '+966 13 341 5520',
    tier: 'professional',
    description:
      'Converts polyethylene and polypropylene from the Jubail complex into pipes, films and injection-moulded crates for the Gulf market.',
  },
  {
    key: 'najd-steel',
    name: 'Najd Steel Works',
    nameAr: 'مصانع نجد للصلب',
    industry: 'metals_steel',
    size: '500+',
    city: 'Riyadh',
    region: 'Riyadh',
    domain: 'najd-steel.example',
    contactPhone: '+966 11 265 3300',
    tier: 'enterprise',
    description:
      "Electric-arc steel mill and rolling lines in Riyadh's Second Industrial City, producing rebar and merchant bars for construction.",
  },
  {
    key: 'red-sea-foods',
    name: 'Red Sea Food Industries',
    nameAr: 'شركة البحر الأحمر للصناعات الغذائية',
    industry: 'food_beverage',
    size: '201-500',
    city: 'Jeddah',
    region: 'Makkah',
    domain: 'redsea-foods.example',
    contactPhone: '+966 12 636 7810',
    tier: 'professional',
    description: 'Produces juices, dairy desserts and ready meals in Jeddah for retail chains across the Kingdom.',
  },
  {
    key: 'gulf-coast-oilfield',
    name: 'Gulf Coast Oilfield Services',
    nameAr: 'شركة ساحل الخليج لخدمات حقول النفط',
    industry: 'oil_gas_services',
    size: '51-200',
    city: 'Dammam',
    region: 'Eastern Province',
    domain: 'gulfcoast-oilfield.example',
    contactPhone: '+966 13 847 2290',
    tier: 'basic',
    description:
      'Repairs and certifies wellhead equipment, valves and pumps for operators and drilling contractors in the Eastern Province.',
  },
  {
    key: 'yanbu-petro',
    name: 'Yanbu Petrochemical Derivatives',
    nameAr: 'شركة ينبع لمشتقات البتروكيماويات',
    industry: 'petrochemicals',
    size: '500+',
    city: 'Yanbu',
    region: 'Madinah',
    domain: 'yanbu-petroderivatives.example',
    contactPhone: '+966 14 396 1100',
    tier: 'enterprise',
    description: 'Turns ethylene and propylene feedstock into glycols, solvents and specialty derivatives at Yanbu Industrial City.',
  },
  {
    key: 'alkharj-pharma',
    name: 'Al-Kharj Pharmaceutical Industries',
    nameAr: 'شركة الخرج للصناعات الدوائية',
    industry: 'pharmaceuticals',
    size: '201-500',
    city: 'Al-Kharj',
    region: 'Riyadh',
    domain: 'alkharj-pharma.example',
    contactPhone: '+966 11 548 7720',
    tier: 'professional',
    description: 'GMP-certified maker of generic tablets, syrups and sterile injectables, supplying hospitals and pharmacies nationwide.',
  },
  {
    key: 'sudair-building',
    name: 'Sudair Building Materials',
    nameAr: 'مصنع سدير لمواد البناء',
    industry: 'building_materials',
    size: '51-200',
    city: 'Sudair',
    region: 'Riyadh',
    domain: 'sudair-building.example',
    contactPhone: '+966 11 522 0415',
    tier: 'basic',
    description: 'Makes concrete blocks, interlocking pavers and precast elements in Sudair City for Industry and Business.',
  },
  {
    key: 'aja-cement',
    name: 'Aja Cement Company',
    nameAr: 'شركة أجا للأسمنت',
    industry: 'cement',
    size: '201-500',
    city: 'Hail',
    region: 'Hail',
    domain: 'aja-cement.example',
    contactPhone: '+966 16 533 9040',
    tier: 'basic',
    description:
      'Clinker and cement plant near the Aja mountains, producing ordinary and sulphate-resisting Portland cement for the northern regions.',
  },
  {
    key: 'dhahran-electrical',
    name: 'Dhahran Electrical Equipment',
    nameAr: 'شركة الظهران للمعدات الكهربائية',
    industry: 'electrical_equipment',
    size: '51-200',
    city: 'Dhahran',
    region: 'Eastern Province',
    domain: 'dhahran-electrical.example',
    contactPhone: '+966 13 882 6610',
    tier: 'professional',
    description: 'Designs and assembles low- and medium-voltage switchgear, motor control centres and distribution boards.',
  },
  {
    key: 'smart-circuits',
    name: 'Smart Circuits Arabia',
    nameAr: 'شركة الدوائر الذكية العربية',
    industry: 'electronics',
    size: '11-50',
    city: 'KAEC',
    region: 'Makkah',
    domain: 'smartcircuits-arabia.example',
    contactPhone: '+966 12 510 3370',
    tier: 'trial',
    description: 'A young company assembling printed circuit boards, sensors and controllers in King Abdullah Economic City.',
  },
  {
    key: 'khobar-auto',
    name: 'Khobar Auto Components',
    nameAr: 'شركة الخبر لمكونات السيارات',
    industry: 'automotive_parts',
    size: '51-200',
    city: 'Khobar',
    region: 'Eastern Province',
    domain: 'khobar-autocomponents.example',
    contactPhone: '+966 13 899 4150',
    tier: 'basic',
    description: 'Stamps, welds and coats brackets, exhaust parts and chassis components for vehicle assemblers and the aftermarket.',
  },
  {
    key: 'hejaz-textiles',
    name: 'Hejaz Textile Mills',
    nameAr: 'مصانع الحجاز للنسيج',
    industry: 'textiles',
    size: '51-200',
    city: 'Makkah',
    region: 'Makkah',
    domain: 'hejaz-textiles.example',
    contactPhone: '+966 12 558 2060',
    tier: 'basic',
    description: 'Weaves and dyes cotton and polyester fabrics for uniforms, thobes and home textiles.',
  },
  {
    key: 'madinah-packaging',
    name: 'Madinah Paper & Packaging',
    nameAr: 'شركة المدينة للورق والتغليف',
    industry: 'paper_packaging',
    size: '51-200',
    city: 'Madinah',
    region: 'Madinah',
    domain: 'madinah-packaging.example',
    contactPhone: '+966 14 846 3390',
    tier: 'trial',
    description: 'Produces corrugated cartons and printed paper packaging from recycled fibre for food and consumer-goods makers.',
  },
  {
    key: 'alahsa-chemicals',
    name: 'Al-Ahsa Specialty Chemicals',
    nameAr: 'شركة الأحساء للكيماويات المتخصصة',
    industry: 'chemicals',
    size: '11-50',
    city: 'Al-Ahsa',
    region: 'Eastern Province',
    domain: 'alahsa-chemicals.example',
    contactPhone: '+966 13 582 7740',
    tier: 'trial',
    description: 'Blends water-treatment chemicals, cleaning agents and food-grade additives in small batches for local industry.',
  },
  {
    key: 'asir-minerals',
    name: 'Asir Minerals & Quarries',
    nameAr: 'شركة عسير للمعادن والمحاجر',
    industry: 'mining',
    size: '51-200',
    city: 'Abha',
    region: 'Asir',
    domain: 'asir-minerals.example',
    contactPhone: '+966 17 224 6180',
    tier: 'basic',
    description: 'Quarries and processes limestone, granite and industrial minerals in the Asir highlands.',
  },
  {
    key: 'jazan-water',
    name: 'Jazan Water Technologies',
    nameAr: 'شركة جازان لتقنيات المياه',
    industry: 'water_utilities',
    size: '11-50',
    city: 'Jazan',
    region: 'Jazan',
    domain: 'jazan-water.example',
    contactPhone: '+966 17 321 8850',
    tier: 'trial',
    description:
      'Builds and operates compact desalination and wastewater units with remote monitoring for towns and factories on the Red Sea coast.',
  },
  {
    key: 'tabuk-coldchain',
    name: 'Tabuk Cold Chain Logistics',
    nameAr: 'شركة تبوك للنقل المبرّد والخدمات اللوجستية',
    industry: 'logistics',
    size: '51-200',
    city: 'Tabuk',
    region: 'Tabuk',
    domain: 'tabuk-coldchain.example',
    contactPhone: '+966 14 422 7730',
    tier: 'professional',
    description: 'Runs refrigerated warehouses and a fleet of reefer trucks carrying fresh produce from Tabuk farms to the main cities.',
  },
  {
    key: 'qassim-automation',
    name: 'Qassim Industrial Automation',
    nameAr: 'شركة القصيم للأتمتة الصناعية',
    industry: 'other',
    size: '11-50',
    city: 'Buraydah',
    region: 'Qassim',
    domain: 'qassim-automation.example',
    contactPhone: '+966 16 381 2270',
    tier: 'trial',
    description: 'A system integrator that retrofits PLC, SCADA and machine-vision systems in food and packaging plants across Qassim.',
  },
];

export const PLATFORM_KEY = 'platform';

export function organizationWebsite(domain: string): string {
  return `https://${domain}`;
}
