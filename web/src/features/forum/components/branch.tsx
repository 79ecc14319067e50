import type { ForumPost } from '@p2p/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/feedback.js';
import { errorMessage } from '../../../lib/form-errors.js';
import { formatNumber } from '../../../lib/format.js';
import { useLanguage } from '../../../lib/use-language.js';
import { useMoreReplies } from '../api.js';
import { buildThreadRows, readingOrder } from '../thread.js';
import { PostItem } from './post-item.js';

/**
 * A top-level post with the replies its thread page shows and, when the page left some out, a
 * "show more replies" button that loads them in place (a page at a time), fits each under its parent,
 * moves the focus to the first one loaded and says how many came.
 */
export function Branch({
  root,
  replies,
  topicId,
  canReplyToTopic,
  onReplied,
}: {
  root: ForumPost;
  replies: readonly ForumPost[];
  topicId: string;
  canReplyToTopic: boolean;
  onReplied: (postId: string) => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const startCursor = root.repliesCursor ?? null;
  const [expanded, setExpanded] = useState(false);
  const more = useMoreReplies(topicId, root.id, startCursor ?? '', expanded && startCursor !== null);
  const loaded = useMemo(() => more.data?.pages.flatMap((page) => page.items) ?? [], [more.data]);
  const rows = useMemo(() => buildThreadRows(readingOrder([root, ...replies, ...loaded])), [root, replies, loaded]);

  // After a page the reader asked for arrives: focus its first post and announce how many came.
  const pagesSeen = useRef(0);
  const [announcement, setAnnouncement] = useState('');
  const pages = more.data?.pages;
  useEffect(() => {
    if (!pages || pages.length <= pagesSeen.current) return;
    pagesSeen.current = pages.length;
    const page = pages.at(-1);
    const arrived = new Set(page?.items.map((item) => item.id));
    // The first of them in reading order (they fit in under their parents, not at the end).
    const first = rows.find((row) => arrived.has(row.post.id));
    if (first) document.getElementById(`post-${first.post.id}`)?.focus();
    setAnnouncement(t('forum.topic.repliesShown', { count: formatNumber(arrived.size, language) }));
  }, [pages, rows, t, language]);

  // A reply written here lands after the replies the page shows: load the rest, then bring it into view.
  const written = useRef<string | null>(null);
  const replied = (postId: string) => {
    if (startCursor === null) return onReplied(postId);
    written.current = postId;
    setExpanded(true);
  };
  useEffect(() => {
    const id = written.current;
    if (!id || !rows.some((row) => row.post.id === id)) return;
    written.current = null;
    const target = document.getElementById(`post-${id}`);
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [rows]);

  const remaining = Math.max(0, (root.moreReplies ?? 0) - loaded.length);
  const canShowMore = startCursor !== null && (more.data ? more.hasNextPage : remaining > 0);
  const loading = more.isFetching;
  const name = root.author && !root.author.formerMember && !root.deleted ? root.author.name : t('forum.post.deletedOrFormer');

  return (
    <>
      {rows.map((row) => (
        <PostItem key={row.post.id} row={row} topicId={topicId} canReplyToTopic={canReplyToTopic} onReplied={replied} />
      ))}
      {canShowMore || more.isError || announcement ? (
        <li className="thread__more post--indent-1">
          {canShowMore ? (
            <button
              type="button"
              className="button button--small"
              disabled={loading}
              aria-busy={loading}
              aria-label={loading ? undefined : t('forum.topic.moreRepliesLabel', { count: formatNumber(remaining, language), name })}
              onClick={() => {
                if (!expanded) setExpanded(true);
                else if (more.data) void more.fetchNextPage();
                else void more.refetch();
              }}
            >
              {loading ? t('forum.topic.loadingReplies') : t('forum.topic.moreReplies', { count: formatNumber(remaining, language) })}
            </button>
          ) : null}
          {more.isError ? <Alert tone="error">{errorMessage(t, more.error)}</Alert> : null}
          <p role="status" className="visually-hidden">
            {announcement}
          </p>
        </li>
      ) : null}
    </>
  );
}
