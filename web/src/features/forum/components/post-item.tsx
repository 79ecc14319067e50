import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../../components/ui/feedback.js';
import { errorMessage } from '../../../lib/form-errors.js';
import { useBestAnswer, useCreatePost, useDeletePost, useLikePost, useUpdatePost } from '../api.js';
import type { ThreadRow } from '../thread.js';
import { Avatar, AuthorName } from '../../../components/content/author.js';
import { ConfirmAction } from '../../../components/ui/confirm-action.js';
import { LikeButton } from './like-button.js';
import { MarkdownBody } from '../../../components/content/markdown.js';
import { PostForm } from './post-form.js';
import { RelativeTime } from '../../../components/content/relative-time.js';

type Mode = 'read' | 'reply' | 'edit';

/** One post of the thread, indented by its (capped) depth, with what the reader may do with it. */
export function PostItem({
  row,
  topicId,
  canReplyToTopic,
  onReplied,
}: {
  row: ThreadRow;
  topicId: string;
  canReplyToTopic: boolean;
  onReplied: (postId: string) => void;
}) {
  const { t } = useTranslation();
  const { post, indent, replyingTo, parent } = row;
  const [mode, setMode] = useState<Mode>('read');
  const reply = useCreatePost(topicId);
  const update = useUpdatePost(topicId);
  const remove = useDeletePost(topicId);
  const like = useLikePost(topicId);
  const best = useBestAnswer(topicId);
  const failure = like.error ?? remove.error ?? best.error;
  const name = post.author && !post.author.formerMember ? post.author.name : t('cards.formerMember');
  const parentName = (p: { name: string | null }) => p.name ?? t('forum.post.deletedOrFormer');

  return (
    <li
      id={`post-${post.id}`}
      className={`post post--indent-${indent}${post.isBestAnswer ? ' post--best' : ''}${post.deleted ? ' post--deleted' : ''}`}
      tabIndex={-1}
    >
      <article aria-label={post.deleted ? t('forum.post.deleted') : t('forum.post.by', { name })}>
        {post.deleted ? (
          <p className="post__tombstone muted">{t('forum.post.deleted')}</p>
        ) : (
          <>
            <header className="post__header">
              <Avatar author={post.author} />
              <div className="post__who">
                <AuthorName author={post.author} />
                <span className="muted">
                  <RelativeTime value={post.createdAt} />
                  {post.editedAt ? <span className="post__edited"> · {t('forum.post.edited')}</span> : null}
                </span>
              </div>
              {post.isBestAnswer ? <span className="badge badge--solved">{t('forum.post.bestAnswer')}</span> : null}
            </header>
            {replyingTo ? (
              <p className="post__replying muted">
                <a href={`#post-${replyingTo.postId}`}>{t('forum.post.replyingTo', { name: parentName(replyingTo) })}</a>
              </p>
            ) : parent ? (
              <p className="visually-hidden">{t('forum.post.replyingTo', { name: parentName(parent) })}</p>
            ) : null}
            {mode === 'edit' ? (
              <PostForm
                label={t('forum.post.editLabel')}
                initial={post.body}
                submitLabel={t('forum.form.saveChanges')}
                focusOnOpen
                onSubmit={async (body) => {
                  await update.mutateAsync({ id: post.id, body });
                  setMode('read');
                }}
                onCancel={() => setMode('read')}
              />
            ) : (
              <MarkdownBody html={post.bodyHtml} className="post__body" />
            )}
            <div className="post__actions actions">
              <LikeButton
                liked={post.likedByMe}
                count={post.likesCount}
                onToggle={() => like.mutate(post.id)}
                disabled={like.isPending}
                label={t('forum.post.likeLabel', { name })}
              />
              {post.can.reply && canReplyToTopic ? (
                <button
                  type="button"
                  className="button button--small"
                  aria-expanded={mode === 'reply'}
                  onClick={() => setMode(mode === 'reply' ? 'read' : 'reply')}
                  aria-label={t('forum.post.replyTo', { name })}
                >
                  {t('forum.post.reply')}
                </button>
              ) : null}
              {post.can.edit && mode !== 'edit' ? (
                <button type="button" className="button button--small" onClick={() => setMode('edit')}>
                  {t('forum.edit')}
                </button>
              ) : null}
              {post.can.markBestAnswer ? (
                <button
                  type="button"
                  className="button button--small"
                  disabled={best.isPending}
                  onClick={() => best.mutate({ id: post.id, mark: !post.isBestAnswer })}
                >
                  {post.isBestAnswer ? t('forum.post.unmarkBest') : t('forum.post.markBest')}
                </button>
              ) : null}
              {post.can.delete ? (
                <ConfirmAction
                  label={t('forum.delete')}
                  question={t('forum.post.deleteConfirm')}
                  confirmLabel={t('forum.deleteYes')}
                  pending={remove.isPending}
                  onConfirm={() => remove.mutate(post.id)}
                />
              ) : null}
            </div>
          </>
        )}
        {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
        {mode === 'reply' ? (
          <PostForm
            label={t('forum.post.replyLabel', { name })}
            submitLabel={t('forum.post.sendReply')}
            focusOnOpen
            onSubmit={async (body) => {
              const created = await reply.mutateAsync({ body, parentPostId: post.id });
              setMode('read');
              onReplied(created.id);
            }}
            onCancel={() => setMode('read')}
          />
        ) : null}
      </article>
    </li>
  );
}
