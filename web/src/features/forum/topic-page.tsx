import type { ForumTopic } from '@p2p/contracts';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { Pagination, usePageParam } from '../../components/ui/pagination.js';
import { errorMessage } from '../../lib/form-errors.js';
import { formatNumber } from '../../lib/format.js';
import {
  THREAD_PAGE_SIZE,
  type ModerationAction,
  useCategories,
  useCreatePost,
  useDeleteTopic,
  useLikeTopic,
  useModerateTopic,
  useThread,
  useTopic,
} from './api.js';
import { AuthorCard, AuthorName } from '../../components/content/author.js';
import { ConfirmAction } from '../../components/ui/confirm-action.js';
import { LikeButton } from './components/like-button.js';
import { MarkdownBody } from '../../components/content/markdown.js';
import { PostForm } from './components/post-form.js';
import { Branch } from './components/branch.js';
import { RelativeTime } from '../../components/content/relative-time.js';
import { TopicBadges } from './components/topic-badges.js';
import { categoryName } from './format.js';
import { branchesOf } from './thread.js';
import { useLanguage } from '../../lib/use-language.js';

function ModeratorActions({ topic }: { topic: ForumTopic }) {
  const { t } = useTranslation();
  const moderate = useModerateTopic(topic.id);
  const actions: ModerationAction[] = [topic.pinned ? 'unpin' : 'pin', topic.locked ? 'unlock' : 'lock'];
  return (
    <>
      {actions.map((action) => (
        <button
          key={action}
          type="button"
          className="button button--small"
          disabled={moderate.isPending}
          onClick={() => moderate.mutate(action)}
        >
          {t(`forum.moderation.${action}`)}
        </button>
      ))}
      {moderate.error ? <Alert tone="error">{errorMessage(t, moderate.error)}</Alert> : null}
    </>
  );
}

function TopicActions({ topic }: { topic: ForumTopic }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const like = useLikeTopic(topic.id);
  const remove = useDeleteTopic(topic.id);
  return (
    <div className="topic__actions actions">
      <LikeButton
        liked={topic.likedByMe}
        count={topic.likesCount}
        onToggle={() => like.mutate()}
        disabled={like.isPending}
        label={t('forum.topic.likeLabel')}
      />
      {topic.can.edit ? (
        <Link className="button button--small" to={`/forum/topics/${topic.id}/edit`}>
          {t('forum.edit')}
        </Link>
      ) : null}
      {topic.can.moderate ? <ModeratorActions topic={topic} /> : null}
      {topic.can.delete ? (
        <ConfirmAction
          label={t('forum.delete')}
          question={t('forum.topic.deleteConfirm')}
          confirmLabel={t('forum.deleteYes')}
          pending={remove.isPending}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate('/forum', { replace: true }) })}
        />
      ) : null}
      {(like.error ?? remove.error) ? <Alert tone="error">{errorMessage(t, like.error ?? remove.error)}</Alert> : null}
    </div>
  );
}

/** The thread page that holds the best answer, and the answer on it. */
export function bestAnswerLink(answer: NonNullable<ForumTopic['bestAnswer']>): { search: string; hash: string } {
  const page = Math.floor(answer.position / THREAD_PAGE_SIZE) + 1;
  return { search: page > 1 ? `?page=${page}` : '', hash: `post-${answer.postId}` };
}

function SolvedBanner({ topic }: { topic: ForumTopic }) {
  const { t } = useTranslation();
  if (!topic.bestAnswer) return null;
  return (
    <aside className="solved-banner" aria-labelledby="solved-heading">
      <h2 id="solved-heading" className="solved-banner__title">
        {t('forum.topic.solved')}
      </h2>
      <p>
        {t('forum.topic.bestAnswerBy')} <AuthorName author={topic.bestAnswer.author} />
      </p>
      {topic.bestAnswer.excerpt ? <blockquote className="solved-banner__excerpt">{topic.bestAnswer.excerpt}</blockquote> : null}
      <Link to={bestAnswerLink(topic.bestAnswer)} preventScrollReset>
        {t('forum.topic.goToBestAnswer')}
      </Link>
    </aside>
  );
}

function Thread({ topic }: { topic: ForumTopic }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const location = useLocation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const setPage = usePageParam();
  const page = Math.max(1, Number(params.get('page')) || 1);
  const thread = useThread(topic.id, page);
  const create = useCreatePost(topic.id);
  const branches = useMemo(() => branchesOf(thread.data?.items ?? []), [thread.data]);

  // Bring a linked post (#post-…) into view once the page that holds it has loaded.
  useEffect(() => {
    if (!location.hash.startsWith('#post-') || !thread.data) return;
    const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [location.hash, thread.data]);

  const goToPost = (postId: string, onPage = page) =>
    void navigate({ search: onPage > 1 ? `?page=${onPage}` : '', hash: `post-${postId}` }, { preventScrollReset: true });

  return (
    <section className="card" aria-labelledby="thread-heading">
      <h2 id="thread-heading">{t('forum.topic.replies', { count: formatNumber(topic.postsCount, language) })}</h2>
      {thread.isPending ? <Spinner /> : null}
      {thread.isError ? <Alert tone="error">{errorMessage(t, thread.error)}</Alert> : null}
      {thread.data ? (
        branches.length === 0 ? (
          <EmptyState>{t('forum.topic.noReplies')}</EmptyState>
        ) : (
          <ol className="thread" aria-busy={thread.isFetching}>
            {branches.map(({ root, replies }) => (
              <Branch
                key={root.id}
                root={root}
                replies={replies}
                topicId={topic.id}
                canReplyToTopic={topic.can.reply}
                onReplied={(id) => goToPost(id)}
              />
            ))}
          </ol>
        )
      ) : null}
      {thread.data ? <Pagination page={thread.data.page} totalPages={thread.data.totalPages} onPage={setPage} /> : null}
      <div className="thread__reply">
        {topic.can.reply ? (
          <>
            <h3 id="reply-heading">{t('forum.topic.yourReply')}</h3>
            <PostForm
              label={t('forum.topic.replyLabel')}
              submitLabel={t('forum.post.sendReply')}
              onSubmit={async (body) => {
                const created = await create.mutateAsync({ body });
                const total = (thread.data?.total ?? 0) + 1;
                goToPost(created.id, Math.max(1, Math.ceil(total / THREAD_PAGE_SIZE)));
              }}
            />
          </>
        ) : (
          <p className="note">{topic.locked ? t('forum.topic.lockedNote') : t('forum.topic.cannotReply')}</p>
        )}
      </div>
    </section>
  );
}

export function TopicPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { id = '' } = useParams();
  const topic = useTopic(id);
  const categories = useCategories();
  if (topic.isPending) return <Spinner />;
  if (topic.isError) {
    return (
      <div className="stack">
        <PageTitle>{t('forum.topic.notFoundTitle')}</PageTitle>
        <Alert tone="error">{errorMessage(t, topic.error)}</Alert>
        <p>
          <Link to="/forum">{t('forum.backToForum')}</Link>
        </p>
      </div>
    );
  }
  const data = topic.data;
  const category = categories.data?.items.find((c) => c.id === data.categoryId);
  return (
    <div className="stack topic">
      <nav aria-label={t('forum.breadcrumb')} className="breadcrumb">
        <Link to="/forum">{t('forum.title')}</Link>
        {category ? (
          <>
            <span aria-hidden="true"> / </span>
            <Link to={`/forum?${new URLSearchParams({ categoryId: category.id }).toString()}`}>{categoryName(category, language)}</Link>
          </>
        ) : null}
      </nav>
      <article className="card topic__card" aria-labelledby="topic-title">
        <div id="topic-title">
          <PageTitle>{data.title}</PageTitle>
        </div>
        <p className="topic__meta muted">
          <TopicBadges pinned={data.pinned} locked={data.locked} solved={data.solved} />
          <span>
            <RelativeTime value={data.createdAt} />
            {data.editedAt ? ` · ${t('forum.post.edited')}` : null}
          </span>
          <span>{t('forum.viewsLabel', { count: formatNumber(data.viewsCount, language) })}</span>
        </p>
        <AuthorCard author={data.author} />
        <MarkdownBody html={data.bodyHtml} className="topic__body" />
        <TopicActions topic={data} />
      </article>
      <SolvedBanner topic={data} />
      <Thread topic={data} />
    </div>
  );
}
