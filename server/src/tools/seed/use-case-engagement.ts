import { createHash } from 'node:crypto';
import type { UseCaseVisibility } from '@p2p/contracts';
import type { DemoPerson } from './lookup.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Asia/Riyadh is UTC+3 all year (no daylight saving). */
const RIYADH_OFFSET = 3 * HOUR;
/** Views are spread over the last 30 days, as the engagement page shows them. */
export const VIEW_WINDOW_DAYS = 30;

/**
 * Local hours a view falls in, repeated by weight: busiest mid-morning and early afternoon, a smaller
 * evening peak, a few late at night.
 */
const VIEW_HOURS = [
  6, 7, 7, 8, 8, 8, 8, 9, 9, 9, 9, 9, 9, 10, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 12, 12, 12, 13, 13, 13, 13, 14, 14, 14, 14, 14, 15,
  15, 15, 16, 16, 17, 18, 19, 20, 20, 21, 21, 21, 22, 22, 23,
];

export interface Engagement {
  views: Array<{ userId: string; organizationId: string; viewedAt: Date }>;
  likes: Array<{ userId: string; createdAt: Date }>;
  saves: Array<{ userId: string; createdAt: Date }>;
}

/** A small deterministic generator (mulberry32) seeded from a text, so each case gets the same engagement every time. */
export function randomFrom(seed: string): () => number {
  let state = createHash('sha256').update(seed, 'utf8').digest().readUInt32BE(0);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * Who may see a case besides its author: everyone for a public case; the owning organization's people
 * for an organization case; its admins for a private one; moderators always. Nobody engages with a draft.
 */
export function audienceOf(
  people: readonly DemoPerson[],
  author: DemoPerson,
  visibility: UseCaseVisibility,
  isDraft: boolean,
): DemoPerson[] {
  if (isDraft) return [];
  return people.filter((p) => {
    if (p.id === author.id) return false;
    if (visibility === 'public' || p.platformRole === 'moderator') return true;
    if (p.organizationId !== author.organizationId) return false;
    return visibility === 'organization' || p.role === 'admin';
  });
}

/** Start of the Riyadh day that `at` falls in, as a UTC instant. */
function riyadhMidnight(at: number): number {
  return Math.floor((at + RIYADH_OFFSET) / DAY) * DAY - RIYADH_OFFSET;
}

/**
 * Counted views, likes and bookmarks for one case, between its publication and `until` (now, or when
 * it was archived). Views fall in the last 30 days before `until`, at most one per person per hour (a
 * counted view is a person's first in an hour); likes and bookmarks are one per person, any time after
 * publication. Fewer people than asked for gives fewer likes and bookmarks.
 */
export function generateEngagement(input: {
  seed: string;
  audience: readonly DemoPerson[];
  publishedAt: Date;
  until: Date;
  views: number;
  likes: number;
  saves: number;
}): Engagement {
  const random = randomFrom(input.seed);
  const { audience } = input;
  const from = input.publishedAt.getTime();
  const until = input.until.getTime();
  const engagement: Engagement = { views: [], likes: [], saves: [] };
  if (audience.length === 0 || until <= from) return engagement;

  const windowStart = Math.max(from, until - VIEW_WINDOW_DAYS * DAY);
  const taken = new Set<string>();
  for (let attempt = 0; engagement.views.length < input.views && attempt < input.views * 20; attempt += 1) {
    const viewer = audience[Math.floor(random() * audience.length)]!;
    // Recent days a little more often than old ones.
    const daysBack = Math.floor(VIEW_WINDOW_DAYS * random() ** 1.3);
    const hour = VIEW_HOURS[Math.floor(random() * VIEW_HOURS.length)]!;
    const at = riyadhMidnight(until - daysBack * DAY) + hour * HOUR + Math.floor(random() * 60) * 60_000;
    if (at > until || at < windowStart) continue;
    const slot = `${viewer.id}/${Math.floor(at / HOUR)}`;
    if (taken.has(slot)) continue;
    taken.add(slot);
    engagement.views.push({ userId: viewer.id, organizationId: viewer.organizationId, viewedAt: new Date(at) });
  }
  engagement.views.sort((a, b) => a.viewedAt.getTime() - b.viewedAt.getTime());

  const sometimeAfterPublication = () => new Date(from + Math.floor(random() * (until - from)));
  engagement.likes = shuffled(audience, random)
    .slice(0, input.likes)
    .map((p) => ({ userId: p.id, createdAt: sometimeAfterPublication() }));
  engagement.saves = shuffled(audience, random)
    .slice(0, input.saves)
    .map((p) => ({ userId: p.id, createdAt: sometimeAfterPublication() }));
  return engagement;
}
