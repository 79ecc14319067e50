import type { SQL } from 'drizzle-orm';

/**
 * A count about one organization that another module owns (its forum topics, its files, its pending
 * invitations): a scalar sub-select built by the module that owns the table, so this module never
 * names those tables and still answers its statistics in one statement. Wired once in app.ts.
 */
export type OrganizationCounter = (organizationId: string) => SQL;

export interface OrganizationCounters {
  pendingInvitations: OrganizationCounter;
  liveFiles: OrganizationCounter;
  forumTopics: OrganizationCounter;
  forumPosts: OrganizationCounter;
  useCases: OrganizationCounter;
  publishedUseCases: OrganizationCounter;
  /** What anyone may see on the organization's card: published, public, not hidden. */
  publicUseCases: OrganizationCounter;
}

let provided: OrganizationCounters | null = null;

/** Called by app.ts with the counters each owning module exports (the same functions every time). */
export function provideOrganizationCounters(counters: OrganizationCounters): void {
  provided = counters;
}

export function organizationCounters(): OrganizationCounters {
  if (!provided) throw new Error('organization counters are not wired: call provideOrganizationCounters in app.ts');
  return provided;
}
