import type { forumCategories } from '../../../modules/forum/index.js';

export interface DemoCategory {
  slug: string;
  nameEn: string;
  nameAr: string;
  descriptionEn: string;
  descriptionAr: string;
  /** Display order, from 1. */
  position: number;
}

type CategoryRow = [slug: string, nameEn: string, nameAr: string, descriptionEn: string, descriptionAr: string];

/** In display order. */
// prettier-ignore
const CATEGORIES: readonly CategoryRow[] = [
  ['automation', 'Automation & Control', 'الأتمتة وأنظمة التحكم',
    'PLCs, SCADA, robotics and motion control on the shop floor.',
    'وحدات التحكم المنطقي القابلة للبرمجة وأنظمة سكادا والروبوتات والتحكم في الحركة داخل المصنع.'],
  ['quality', 'Quality & Compliance', 'الجودة والمطابقة',
    'Inspection, statistical process control, ISO systems and SASO certification.',
    'الفحص والضبط الإحصائي للعمليات وأنظمة الأيزو وشهادات الهيئة السعودية للمواصفات والمقاييس والجودة.'],
  ['maintenance', 'Maintenance & Reliability', 'الصيانة والموثوقية',
    'Preventive and predictive maintenance, spare parts and asset reliability.',
    'الصيانة الوقائية والتنبؤية وإدارة قطع الغيار وموثوقية الأصول.'],
  ['ai', 'AI & Analytics', 'الذكاء الاصطناعي وتحليل البيانات',
    'Machine vision, forecasting and data analytics for production.',
    'الرؤية الآلية والتنبؤ وتحليل البيانات لتحسين الإنتاج.'],
  ['iot', 'Industrial IoT', 'إنترنت الأشياء الصناعي',
    'Sensors, connectivity, edge devices and industrial data platforms.',
    'أجهزة الاستشعار والاتصال والحوسبة الطرفية ومنصات البيانات الصناعية.'],
  ['general', 'General Discussion', 'نقاشات عامة',
    'Introductions, events, hiring and everything else about manufacturing in the Kingdom.',
    'التعارف والفعاليات والتوظيف وكل ما يتعلق بالصناعة في المملكة.'],
];

/**
 * The six categories every installation starts with: migration 0008 creates them, the seed restores
 * any that was deleted, the benchmark data loads them.
 */
export const DEMO_CATEGORIES: readonly DemoCategory[] = CATEGORIES.map(([slug, nameEn, nameAr, descriptionEn, descriptionAr], index) => ({
  slug,
  nameEn,
  nameAr,
  descriptionEn,
  descriptionAr,
  position: index + 1,
}));

/** The row of a category the seed restores: shared by every organization. */
export function categoryValues(category: DemoCategory): typeof forumCategories.$inferInsert {
  return { ...category, organizationId: null };
}
