import { findPlace, OUTCOME_KEYS } from '@p2p/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db.js';
import { renderMarkdown } from '../../platform/markdown.js';
import { memberships } from '../../modules/organizations/index.js';
import {
  useCaseLikes,
  useCaseReports,
  useCaseSaves,
  useCaseVersions,
  useCaseViewers,
  useCaseViews,
  useCases,
} from '../../modules/use-cases/index.js';
import { users } from '../../modules/users/index.js';
import { CENTRAL_USE_CASES } from './demo-use-cases-central.js';
import { EASTERN_USE_CASES } from './demo-use-cases-east.js';
import { audienceOf, type Engager, generateEngagement } from './demo-use-cases-engagement.js';
import type { DemoUseCase } from './demo-use-cases-types.js';
import { ensureTerms, recountTerms, recountUseCaseCounters, type TermRef } from './demo-use-cases-upkeep.js';
import { WESTERN_USE_CASES } from './demo-use-cases-west.js';
import { DEMO_EMAILS, type ProgressListener } from './demo-lookup.js';

const DAY = 86_400_000;

export const DEMO_USE_CASES: readonly DemoUseCase[] = [...EASTERN_USE_CASES, ...CENTRAL_USE_CASES, ...WESTERN_USE_CASES];

/** Every technology and tag the demo cases use, once each. */
export const DEMO_USE_CASE_TERMS: readonly TermRef[] = (() => {
  const terms = new Map<string, TermRef>();
  for (const demo of DEMO_USE_CASES) {
    for (const name of demo.technologies) terms.set(`technology:${name}`, { kind: 'technology', name });
    for (const name of demo.tags) terms.set(`tag:${name}`, { kind: 'tag', name });
  }
  return [...terms.values()];
})();

/** Live (not deleted) cases by demo users with a demo title: the demo cases present. */
export async function findDemoUseCases(
  db: DbOrTx,
): Promise<Array<{ id: string; title: string; organizationId: string; authorId: string }>> {
  return db
    .select({ id: useCases.id, title: useCases.title, organizationId: useCases.organizationId, authorId: useCases.authorId })
    .from(useCases)
    .innerJoin(users, eq(users.id, useCases.authorId))
    .where(
      and(
        inArray(users.email, [...DEMO_EMAILS]),
        inArray(
          useCases.title,
          DEMO_USE_CASES.map((demo) => demo.title),
        ),
        isNull(useCases.deletedAt),
      ),
    );
}

/** The demo people with their organization and roles, and a lookup by the local part of their email. */
export async function loadEngagers(tx: DbOrTx): Promise<{ people: Engager[]; person: (localPart: string) => Engager }> {
  const people = await tx
    .select({
      id: users.id,
      email: users.email,
      platformRole: users.platformRole,
      organizationId: memberships.organizationId,
      role: memberships.role,
    })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(inArray(users.email, [...DEMO_EMAILS]));
  const person = (localPart: string): Engager => {
    const found = people.find((p) => p.email.startsWith(`${localPart}@`));
    if (!found) throw new Error(`The demo user ${localPart} is missing; seed the users first`);
    return found;
  };
  return { people, person };
}

function outcomeColumns(demo: DemoUseCase): Record<(typeof OUTCOME_KEYS)[number], number | null> {
  return Object.fromEntries(OUTCOME_KEYS.map((key) => [key, demo.outcomes[key] ?? null])) as Record<
    (typeof OUTCOME_KEYS)[number],
    number | null
  >;
}

/**
 * The demo use cases with their versions, likes, bookmarks, counted views and reports; cases already
 * there are left alone. The vocabulary gets every term they use, with uses_count recounted; the
 * counters of the demo cases are set to their rows (`repaired`: how many had drifted).
 */
export async function seedUseCases(tx: Tx, onProgress: ProgressListener): Promise<{ created: number; repaired: number }> {
  const label = 'Use cases';
  const { people, person } = await loadEngagers(tx);
  const spelling = await ensureTerms(tx, DEMO_USE_CASE_TERMS);
  const spelled = (kind: TermRef['kind'], names: string[]) => names.map((name) => spelling.get(`${kind}:${name}`) ?? name);
  const present = new Set((await findDemoUseCases(tx)).map((row) => row.title));
  const now = Date.now();
  let created = 0;
  for (const [index, demo] of DEMO_USE_CASES.entries()) {
    onProgress({ label, done: index, total: DEMO_USE_CASES.length });
    if (present.has(demo.title)) continue;
    const place = findPlace(demo.place);
    if (!place) throw new Error(`The demo use case "${demo.title}" names an unknown place ${demo.place}`);
    const author = person(demo.by);
    const status = demo.status ?? 'published';
    const visibility = demo.visibility ?? 'public';
    const startedAt = new Date(now - demo.daysAgo * DAY);
    const publishedAt = status === 'draft' ? null : startedAt;
    const archivedAt = demo.archivedDaysAgo === undefined ? null : new Date(now - demo.archivedDaysAgo * DAY);
    const edits = demo.edits ?? [];
    const editedAt = edits.map((edit) => new Date(startedAt.getTime() + edit.daysAfter * DAY));
    const updatedAt = new Date(Math.max(startedAt.getTime(), archivedAt?.getTime() ?? 0, ...editedAt.map((at) => at.getTime())));
    const engagement = generateEngagement({
      seed: demo.title,
      audience: audienceOf(people, author, visibility, status === 'draft'),
      publishedAt: startedAt,
      until: archivedAt ?? new Date(now),
      views: demo.views,
      likes: demo.likes,
      saves: demo.saves,
    });

    const [row] = await tx
      .insert(useCases)
      .values({
        organizationId: author.organizationId,
        authorId: author.id,
        title: demo.title,
        titleAr: demo.titleAr ?? null,
        summary: demo.summary,
        summaryAr: demo.summaryAr ?? null,
        challenge: demo.challenge,
        solution: demo.solution,
        results: demo.results,
        challengeHtml: renderMarkdown(demo.challenge),
        solutionHtml: renderMarkdown(demo.solution),
        resultsHtml: renderMarkdown(demo.results),
        category: demo.category,
        industry: demo.industry,
        technologies: spelled('technology', demo.technologies),
        tags: spelled('tag', demo.tags),
        vendors: demo.vendors,
        ...outcomeColumns(demo),
        extraOutcomes: demo.extraOutcomes,
        implementationMonths: demo.implementationMonths,
        city: place.slug,
        region: place.region,
        country: 'SA',
        latitude: place.latitude,
        longitude: place.longitude,
        visibility,
        status,
        featured: demo.featured ?? false,
        verified: demo.verified ?? false,
        viewsCount: engagement.views.length,
        likesCount: engagement.likes.length,
        savesCount: engagement.saves.length,
        version: 1 + edits.length,
        publishedAt,
        // Written up over the days before it was published.
        createdAt: new Date(startedAt.getTime() - 9 * DAY),
        updatedAt,
      })
      .returning({ id: useCases.id });
    const useCaseId = row!.id;
    if (edits.length > 0) {
      await tx.insert(useCaseVersions).values(
        edits.map((edit, i) => ({
          useCaseId,
          version: i + 2,
          editorId: person(edit.by).id,
          changes: edit.changes,
          createdAt: editedAt[i]!,
        })),
      );
    }
    if (engagement.views.length > 0) {
      await tx.insert(useCaseViews).values(engagement.views.map((view) => ({ useCaseId, ...view })));
      // Each viewer's last counted view, from which the next view counts an hour later (views are in time order).
      const lastViews = new Map(engagement.views.map((view) => [view.userId, view.viewedAt]));
      await tx.insert(useCaseViewers).values([...lastViews].map(([userId, viewedAt]) => ({ useCaseId, userId, viewedAt })));
    }
    if (engagement.likes.length > 0) await tx.insert(useCaseLikes).values(engagement.likes.map((like) => ({ useCaseId, ...like })));
    if (engagement.saves.length > 0) await tx.insert(useCaseSaves).values(engagement.saves.map((save) => ({ useCaseId, ...save })));
    for (const report of demo.reports ?? []) {
      const resolvedAt = report.dismissed ? new Date(now - report.dismissed.daysAgo * DAY) : null;
      await tx.insert(useCaseReports).values({
        useCaseId,
        reporterId: person(report.by).id,
        reason: report.reason,
        details: report.details,
        status: report.dismissed ? 'dismissed' : 'open',
        resolution: report.dismissed?.resolution ?? null,
        resolvedById: report.dismissed ? person(report.dismissed.by).id : null,
        resolvedAt,
        // Marked as told, so that no notification about an old demo decision goes out.
        notifiedAt: resolvedAt,
        createdAt: new Date(now - report.daysAgo * DAY),
      });
    }
    created += 1;
  }
  const demoIds = (await findDemoUseCases(tx)).map((row) => row.id);
  // New cases were written with exact counters: a recount changes only those that drifted since an earlier run.
  const repaired = await recountUseCaseCounters(tx, demoIds);
  await recountTerms(tx, DEMO_USE_CASE_TERMS);
  onProgress({ label, done: DEMO_USE_CASES.length, total: DEMO_USE_CASES.length });
  return { created, repaired };
}
