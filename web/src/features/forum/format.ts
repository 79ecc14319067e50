import type { ForumCategory } from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';

export const categoryName = (category: Pick<ForumCategory, 'nameEn' | 'nameAr'>, language: Language) =>
  language === 'ar' ? category.nameAr : category.nameEn;

export const categoryDescription = (category: Pick<ForumCategory, 'descriptionEn' | 'descriptionAr'>, language: Language) =>
  (language === 'ar' ? (category.descriptionAr ?? category.descriptionEn) : (category.descriptionEn ?? category.descriptionAr)) ?? null;
