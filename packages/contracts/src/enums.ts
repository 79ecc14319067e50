export const LANGUAGES = ['en', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

export const PLATFORM_ROLES = ['member', 'moderator', 'superadmin'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

export const ORG_ROLES = ['admin', 'member'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

export const USER_STATUSES = ['active', 'inactive', 'suspended'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

export const ORGANIZATION_STATUSES = ['active', 'suspended'] as const;
export type OrganizationStatus = (typeof ORGANIZATION_STATUSES)[number];

export const ORGANIZATION_SIZES = ['1-10', '11-50', '51-200', '201-500', '500+'] as const;
export type OrganizationSize = (typeof ORGANIZATION_SIZES)[number];

export const FILE_PURPOSES = ['avatar', 'logo', 'attachment'] as const;
export type FilePurpose = (typeof FILE_PURPOSES)[number];

export const INVITATION_STATUSES = ['pending', 'accepted', 'expired', 'cancelled'] as const;
export type InvitationStatus = (typeof INVITATION_STATUSES)[number];

export const SUBSCRIPTION_TIERS = ['trial', 'basic', 'professional', 'enterprise'] as const;
export type SubscriptionTier = (typeof SUBSCRIPTION_TIERS)[number];

/** Limits per tier; `null` means unlimited. Storage in bytes. */
export const TIER_LIMITS: Record<SubscriptionTier, { users: number | null; useCases: number | null; storageBytes: number | null }> = {
  trial: { users: 10, useCases: 20, storageBytes: 1 * 1024 ** 3 },
  basic: { users: 25, useCases: 100, storageBytes: 5 * 1024 ** 3 },
  professional: { users: 100, useCases: 1000, storageBytes: 25 * 1024 ** 3 },
  enterprise: { users: null, useCases: null, storageBytes: null },
};

export const TRIAL_DAYS = 30;

export const INDUSTRIES = [
  'oil_gas_services',
  'petrochemicals',
  'plastics_rubber',
  'metals_steel',
  'food_beverage',
  'pharmaceuticals',
  'building_materials',
  'cement',
  'electrical_equipment',
  'electronics',
  'automotive_parts',
  'textiles',
  'paper_packaging',
  'chemicals',
  'mining',
  'water_utilities',
  'logistics',
  'other',
] as const;
export type Industry = (typeof INDUSTRIES)[number];

export const INDUSTRY_LABELS: Record<Industry, { en: string; ar: string }> = {
  oil_gas_services: { en: 'Oil & gas services', ar: 'خدمات النفط والغاز' },
  petrochemicals: { en: 'Petrochemicals', ar: 'البتروكيماويات' },
  plastics_rubber: { en: 'Plastics & rubber', ar: 'البلاستيك والمطاط' },
  metals_steel: { en: 'Metals & steel', ar: 'المعادن والصلب' },
  food_beverage: { en: 'Food & beverage', ar: 'الأغذية والمشروبات' },
  pharmaceuticals: { en: 'Pharmaceuticals', ar: 'الأدوية' },
  building_materials: { en: 'Building materials', ar: 'مواد البناء' },
  cement: { en: 'Cement', ar: 'الأسمنت' },
  electrical_equipment: { en: 'Electrical equipment', ar: 'المعدات الكهربائية' },
  electronics: { en: 'Electronics', ar: 'الإلكترونيات' },
  automotive_parts: { en: 'Automotive parts', ar: 'قطع غيار السيارات' },
  textiles: { en: 'Textiles', ar: 'المنسوجات' },
  paper_packaging: { en: 'Paper & packaging', ar: 'الورق والتغليف' },
  chemicals: { en: 'Chemicals', ar: 'الكيماويات' },
  mining: { en: 'Mining', ar: 'التعدين' },
  water_utilities: { en: 'Water & utilities', ar: 'المياه والمرافق' },
  logistics: { en: 'Logistics', ar: 'الخدمات اللوجستية' },
  other: { en: 'Other', ar: 'أخرى' },
};
