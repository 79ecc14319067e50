import type { ExtraOutcome, Industry, OutcomeField, ReportReason, UseCaseCategory, UseCaseStatus, UseCaseVisibility } from '@p2p/contracts';

/** One edit of a published case: who made it (local part of a demo email), when, and what changed. */
export interface DemoUseCaseEdit {
  by: string;
  /** Days after publication. */
  daysAfter: number;
  changes: Array<{ field: string; before: unknown; after: unknown }>;
}

export interface DemoUseCaseReport {
  by: string;
  reason: ReportReason;
  details: string;
  /** Days before now. */
  daysAgo: number;
  /** A dismissed report: the moderator's note. Without it the report is open. */
  dismissed?: { by: string; resolution: string; daysAgo: number };
}

export interface DemoUseCase {
  /** The local part of the author's demo email; the case belongs to the author's organization. */
  by: string;
  title: string;
  titleAr?: string;
  summary: string;
  summaryAr?: string;
  challenge: string;
  solution: string;
  results: string;
  category: UseCaseCategory;
  industry: Industry;
  technologies: string[];
  tags: string[];
  vendors: string[];
  outcomes: Partial<Record<OutcomeField, number>>;
  /** Measured outcomes beyond the standard fields; none by default. */
  extraOutcomes?: ExtraOutcome[];
  implementationMonths: number;
  /** A SAUDI_PLACES slug: the case takes the place's region and coordinates. */
  place: string;
  visibility?: UseCaseVisibility;
  status?: UseCaseStatus;
  featured?: true;
  verified?: true;
  /** How long ago it was published, in days (a draft: when it was started). */
  daysAgo: number;
  /** An archived case: how many days ago it was archived. */
  archivedDaysAgo?: number;
  /** Engagement by demo users who may see the case (never the author): counted views, likes, bookmarks. */
  views: number;
  likes: number;
  saves: number;
  edits?: DemoUseCaseEdit[];
  reports?: DemoUseCaseReport[];
  /** Gets a generated cover image (an attachment linked as its first image). */
  cover?: true;
}

/** Markdown paragraphs and lists, separated by blank lines. */
export function md(...blocks: string[]): string {
  return blocks.join('\n\n');
}

/** A Markdown bullet list. */
export function bullets(...items: string[]): string {
  return items.map((item) => `- ${item}`).join('\n');
}

/** A Markdown numbered list. */
export function steps(...items: string[]): string {
  return items.map((item, index) => `${index + 1}. ${item}`).join('\n');
}
