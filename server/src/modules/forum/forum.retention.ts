import { sql } from 'drizzle-orm';
import type { RetentionRule } from '../../platform/retention.js';
import { forumSearchLog, forumTopicViews } from './forum.tables.js';

/** Searches feed trending terms (a month at most) and popular-search suggestions (30 days): kept 90 days. */
export const FORUM_SEARCH_LOG_DAYS = 90;

/** A reader's last counted view of a topic decides only whether the next one counts (after an hour): kept a day. */
export const FORUM_TOPIC_VIEW_HOURS = 24;

/** The forum's logs and how long they are kept (pruned by platform/retention.ts, wired in app.ts). */
export const forumRetention: RetentionRule[] = [
  {
    table: forumSearchLog,
    expired: sql`created_at < now() - make_interval(days => ${FORUM_SEARCH_LOG_DAYS})`,
    keeps: `forum searches of the last ${FORUM_SEARCH_LOG_DAYS} days`,
  },
  {
    table: forumTopicViews,
    expired: sql`viewed_at < now() - make_interval(hours => ${FORUM_TOPIC_VIEW_HOURS})`,
    keeps: `each reader's last topic view of the last ${FORUM_TOPIC_VIEW_HOURS} hours`,
  },
];
