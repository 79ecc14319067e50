import { useTranslation } from 'react-i18next';

/** Pinned, locked and solved, as words (not colour alone). */
export function TopicBadges({ pinned, locked, solved }: { pinned: boolean; locked: boolean; solved: boolean }) {
  const { t } = useTranslation();
  if (!pinned && !locked && !solved) return null;
  return (
    <span className="topic-badges">
      {pinned ? <span className="badge badge--pinned">{t('forum.pinned')}</span> : null}
      {locked ? <span className="badge badge--locked">{t('forum.locked')}</span> : null}
      {solved ? <span className="badge badge--solved">{t('forum.solved')}</span> : null}
    </span>
  );
}
