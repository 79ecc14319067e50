import { inArray } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { forumTopics } from '../../src/modules/forum/forum.tables.js';
import { useCases } from '../../src/modules/use-cases/use-cases.tables.js';
import { createCategory } from '../forum/factories.js';
import type { TestClient } from '../helpers/app.js';
import { uniqueEmail } from '../helpers/app.js';
import { invite } from '../invitations/factories.js';
import { caseBody } from '../use-cases/factories.js';
import type { Role, World } from './harness.js';

/**
 * Items that some roles must never see, for the entries whose status cannot show a leak (lists,
 * searches, suggestions, exports). Each carries a marker word that appears nowhere else, so a check
 * reads the response's bytes (JSON, CSV, Markdown alike): a role in `hiddenFrom` must find neither
 * the marker nor the id; a role in `shownTo` must find the marker, so that an empty answer cannot
 * pass for a correct one. Every item's title holds the word "kestrel", which the searches ask for.
 */
export interface Secret {
  label: string;
  id: string;
  marker: string;
  hiddenFrom: readonly Role[];
  shownTo: readonly Role[];
}

export interface Secrets {
  /** Forum categories private to A and to B. */
  categories: Secret[];
  /** Pinned topics in those categories (pinned, so that a list's first page holds them), each with a reply. */
  topics: Secret[];
  /** Published cases of A (organization-only, private to its author) and B (organization-only), and A's draft, all in Najran. */
  cases: Secret[];
  /** Tags that only those cases use. */
  terms: Secret[];
  /** A saved search and a search of the owner's (history) in the library. */
  ownerSearches: Secret[];
  /** A forum search of the owner's: nobody else's suggestions or trending terms may offer it. */
  ownerForumSearches: Secret[];
  /** Pending invitations sent by A's admin and by B's admin. */
  invitations: Secret[];
  /** The people of A and B that the other organization's admin must not list. */
  people: Secret[];
}

const A_PEOPLE: Role[] = ['owner', 'sameOrgAdmin', 'sameOrgMember'];
const B_PEOPLE: Role[] = ['otherOrgAdmin', 'otherOrgMember'];
export const SECRET_CITY = 'najran';
/** A technology every hidden case uses, for a visible case to be related to them without naming any marker. */
export const SHARED_TECHNOLOGY = 'Kestrel drive';

const cache = new WeakMap<World, Promise<Secrets>>();

/** The world's secrets, made on first use. */
export function secretsOf(world: World): Promise<Secrets> {
  let secrets = cache.get(world);
  if (!secrets) {
    secrets = makeSecrets(world);
    cache.set(world, secrets);
  }
  return secrets;
}

/** The response's JSON, or a loud failure when the setup's request was refused. */
function ok(response: LightMyRequestResponse, status: number, what: string): { id: string } {
  if (response.statusCode !== status) throw new Error(`${what}: ${response.statusCode} ${response.body}`);
  return response.json() as { id: string };
}

async function makeSecrets(world: World): Promise<Secrets> {
  const { db, a, b } = world;
  const categoryA = await createCategory(db, { organizationId: a.organizationId, nameEn: 'Kestrel zqcatalpha' });
  const categoryB = await createCategory(db, { organizationId: b.organizationId, nameEn: 'Kestrel zqcatbravo' });

  const topic = async (author: TestClient, categoryId: string, marker: string) => {
    const created = ok(
      await author.post('/api/v1/forum/topics', {
        categoryId,
        title: `Kestrel gearbox ${marker}`,
        body: `Kestrel bearings run hot ${marker}`,
      }),
      201,
      'secret topic',
    );
    ok(await author.post(`/api/v1/forum/topics/${created.id}/posts`, { body: `Kestrel reply ${marker}reply` }), 201, 'secret reply');
    return created.id;
  };
  const topicA = await topic(a.owner.client, categoryA, 'zqtopicalpha');
  const topicB = await topic(b.member.client, categoryB, 'zqtopicbravo');
  await db
    .update(forumTopics)
    .set({ pinned: true })
    .where(inArray(forumTopics.id, [topicA, topicB]));

  const useCase = async (author: TestClient, marker: string, visibility: 'organization' | 'private' | 'public', publish = true) =>
    ok(
      await author.post(
        '/api/v1/use-cases',
        caseBody({
          title: `Kestrel conveyor ${marker}`,
          tags: [`${marker}tag`],
          technologies: [`${marker}tech`, SHARED_TECHNOLOGY],
          city: SECRET_CITY,
          visibility,
          publish,
        }),
      ),
      201,
      'secret use case',
    ).id;
  const caseAOrganization = await useCase(a.owner.client, 'zqcasealphaorg', 'organization');
  const caseAPrivate = await useCase(a.owner.client, 'zqcasealphaprivate', 'private');
  const caseADraft = await useCase(a.owner.client, 'zqcasealphadraft', 'public', false);
  const caseBOrganization = await useCase(b.member.client, 'zqcasebravoorg', 'organization');
  await db
    .update(useCases)
    .set({ featured: true })
    .where(inArray(useCases.id, [caseAOrganization, caseAPrivate, caseBOrganization]));

  const saved = ok(
    await a.owner.client.post('/api/v1/use-cases/search/saved', { name: 'Kestrel zqsavedalpha', search: { q: 'kestrel' } }),
    201,
    'secret saved search',
  );
  ok(await a.owner.client.post('/api/v1/use-cases/search/advanced', { q: 'zqhistoryalpha' }), 200, 'secret search');
  ok(await a.owner.client.get('/api/v1/forum/search?q=zqforumhistoryalpha'), 200, 'secret forum search');

  const invitationA = await invite(world.app, db, a.admin.client, { email: uniqueEmail('zqinvitealpha') });
  const invitationB = await invite(world.app, db, b.admin.client, { email: uniqueEmail('zqinvitebravo') });

  const caseSecret = (label: string, id: string, marker: string, hiddenFrom: Role[], shownTo: Role[]): Secret => ({
    label,
    id,
    marker,
    hiddenFrom,
    shownTo,
  });
  return {
    categories: [
      { label: "A's private category", id: categoryA, marker: 'zqcatalpha', hiddenFrom: B_PEOPLE, shownTo: [...A_PEOPLE, 'moderator'] },
      { label: "B's private category", id: categoryB, marker: 'zqcatbravo', hiddenFrom: A_PEOPLE, shownTo: [...B_PEOPLE, 'moderator'] },
    ],
    topics: [
      { label: "A's private topic", id: topicA, marker: 'zqtopicalpha', hiddenFrom: B_PEOPLE, shownTo: [...A_PEOPLE, 'moderator'] },
      { label: "B's private topic", id: topicB, marker: 'zqtopicbravo', hiddenFrom: A_PEOPLE, shownTo: [...B_PEOPLE, 'moderator'] },
    ],
    cases: [
      caseSecret("A's organization-only case", caseAOrganization, 'zqcasealphaorg', [...B_PEOPLE, 'guest'], [...A_PEOPLE, 'moderator']),
      caseSecret(
        "A's private case",
        caseAPrivate,
        'zqcasealphaprivate',
        ['sameOrgMember', ...B_PEOPLE, 'guest'],
        ['owner', 'sameOrgAdmin', 'moderator'],
      ),
      caseSecret("A's draft", caseADraft, 'zqcasealphadraft', ['sameOrgMember', ...B_PEOPLE, 'guest'], []),
      caseSecret("B's organization-only case", caseBOrganization, 'zqcasebravoorg', [...A_PEOPLE, 'guest'], [...B_PEOPLE, 'moderator']),
    ],
    terms: [
      {
        label: "A's organization-only case's tag",
        id: caseAOrganization,
        marker: 'zqcasealphaorgtag',
        hiddenFrom: [...B_PEOPLE, 'guest'],
        shownTo: [],
      },
      {
        label: "A's private case's tag",
        id: caseAPrivate,
        marker: 'zqcasealphaprivatetag',
        hiddenFrom: ['sameOrgMember', ...B_PEOPLE, 'guest'],
        shownTo: [],
      },
      {
        label: "A's draft's tag",
        id: caseADraft,
        marker: 'zqcasealphadrafttag',
        hiddenFrom: ['sameOrgMember', ...B_PEOPLE, 'guest'],
        shownTo: [],
      },
      {
        label: "B's organization-only case's tag",
        id: caseBOrganization,
        marker: 'zqcasebravoorgtag',
        hiddenFrom: [...A_PEOPLE, 'guest'],
        shownTo: [],
      },
    ],
    ownerSearches: [
      {
        label: "the owner's saved search",
        id: saved.id,
        marker: 'zqsavedalpha',
        hiddenFrom: ['sameOrgAdmin', 'sameOrgMember', ...B_PEOPLE, 'moderator'],
        shownTo: ['owner'],
      },
      {
        label: "the owner's search history",
        id: saved.id,
        marker: 'zqhistoryalpha',
        hiddenFrom: ['sameOrgAdmin', 'sameOrgMember', ...B_PEOPLE, 'moderator'],
        shownTo: ['owner'],
      },
    ],
    ownerForumSearches: [
      {
        label: "the owner's forum search",
        id: 'zqforumhistoryalpha',
        marker: 'zqforumhistoryalpha',
        hiddenFrom: ['sameOrgAdmin', 'sameOrgMember', ...B_PEOPLE, 'moderator'],
        shownTo: [],
      },
    ],
    invitations: [
      { label: "A's invitation", id: invitationA.id, marker: invitationA.email, hiddenFrom: ['otherOrgAdmin', 'moderator'], shownTo: [] },
      {
        label: "B's invitation",
        id: invitationB.id,
        marker: invitationB.email,
        hiddenFrom: ['sameOrgAdmin', 'moderator'],
        shownTo: ['otherOrgAdmin'],
      },
    ],
    people: [
      ...[a.admin, a.coAdmin, a.member, a.owner].map((person) => ({
        label: `A's ${person.email}`,
        id: person.id,
        marker: person.email,
        hiddenFrom: ['otherOrgAdmin', 'moderator'] as Role[],
        shownTo: [] as Role[],
      })),
      ...[b.admin, b.member].map((person) => ({
        label: `B's ${person.email}`,
        id: person.id,
        marker: person.email,
        hiddenFrom: ['sameOrgAdmin', 'moderator'] as Role[],
        shownTo: ['otherOrgAdmin'] as Role[],
      })),
    ],
  };
}

/**
 * A check for MatrixEntry.check: the response holds none of the secrets the role must not see and,
 * unless `shown` is false (a list that may legitimately leave them out, e.g. by its page), every one
 * it must see.
 */
export function revealsOnly(pick: (secrets: Secrets) => Secret[], options: { shown?: boolean } = {}) {
  return async (response: LightMyRequestResponse, role: Role, world: World): Promise<void> => {
    const text = response.body.toLowerCase();
    const problems: string[] = [];
    for (const secret of pick(await secretsOf(world))) {
      const marker = secret.marker.toLowerCase();
      if (secret.hiddenFrom.includes(role) && (text.includes(marker) || text.includes(secret.id)))
        problems.push(`shows ${secret.label} (${secret.marker})`);
      if (options.shown !== false && secret.shownTo.includes(role) && !text.includes(marker))
        problems.push(`leaves out ${secret.label} (${secret.marker})`);
    }
    if (problems.length > 0) throw new Error(problems.join('; '));
  };
}
