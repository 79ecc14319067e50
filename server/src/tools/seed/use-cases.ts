import { findPlace } from '@p2p/contracts';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx, Tx } from '../../platform/db.js';
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
import { DEMO_USE_CASES, reportValues, useCaseTimeline, useCaseValues, versionValues } from './demo-data/use-cases.js';
import { DEMO_EMAILS, type ProgressListener, loadDemoPeople } from './lookup.js';
import { audienceOf, generateEngagement } from './use-case-engagement.js';
import { ensureTerms, recountTerms, recountUseCaseCounters, type TermRef } from './use-case-upkeep.js';

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

/**
 * The demo use cases with their versions, likes, bookmarks, counted views and reports; cases already
 * there are left alone. The vocabulary gets every term they use, with uses_count recounted; the
 * counters of the demo cases are set to their rows (`repaired`: how many had drifted).
 */
export async function seedUseCases(tx: Tx, onProgress: ProgressListener): Promise<{ created: number; repaired: number }> {
  const label = 'Use cases';
  const { people, person } = await loadDemoPeople(tx);
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
    const timeline = useCaseTimeline(demo, now);
    const engagement = generateEngagement({
      seed: demo.title,
      audience: audienceOf(people, author, timeline.visibility, timeline.status === 'draft'),
      publishedAt: timeline.startedAt,
      until: timeline.archivedAt ?? new Date(now),
      views: demo.views,
      likes: demo.likes,
      saves: demo.saves,
    });

    const [row] = await tx
      .insert(useCases)
      .values(
        useCaseValues(demo, {
          author,
          place,
          timeline,
          technologies: spelled('technology', demo.technologies),
          tags: spelled('tag', demo.tags),
          counts: { views: engagement.views.length, likes: engagement.likes.length, saves: engagement.saves.length },
        }),
      )
      .returning({ id: useCases.id });
    const useCaseId = row!.id;
    const edits = demo.edits ?? [];
    if (edits.length > 0) {
      await tx
        .insert(useCaseVersions)
        .values(
          edits.map((edit, i) => versionValues(edit, i, { useCaseId, editorId: person(edit.by).id, editedAt: timeline.editedAt[i]! })),
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
      await tx.insert(useCaseReports).values(
        reportValues(report, {
          useCaseId,
          reporterId: person(report.by).id,
          resolvedById: report.dismissed ? person(report.dismissed.by).id : null,
          now,
        }),
      );
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
