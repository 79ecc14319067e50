import type { ForumAuthor } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { organizationName } from '../../lib/format.js';
import { useLanguage } from '../../lib/use-language.js';

function initials(name: string) {
  const parts = name.trim().split(/\s+/);
  return `${parts[0]?.charAt(0) ?? ''}${parts.length > 1 ? (parts[parts.length - 1]?.charAt(0) ?? '') : ''}`.toUpperCase() || '?';
}

export function Avatar({ author, size = 32 }: { author: ForumAuthor | null; size?: number }) {
  if (author?.avatarUrl && !author.formerMember)
    return <img className="avatar avatar--image" src={author.avatarUrl} alt="" width={size} height={size} />;
  return (
    <span className="avatar" aria-hidden="true" style={{ inlineSize: size, blockSize: size }}>
      {author && !author.formerMember ? initials(author.name) : '–'}
    </span>
  );
}

/** The author's name linking to their card, or "Former member" for a removed account. */
export function AuthorName({ author }: { author: ForumAuthor | null }) {
  const { t } = useTranslation();
  if (!author || author.formerMember) return <span className="author__name">{t('cards.formerMember')}</span>;
  return (
    <Link className="author__name" to={`/users/${author.id}`}>
      <bdi>{author.name}</bdi>
    </Link>
  );
}

/** Name and company on one line, as lists show them. */
export function AuthorLine({ author }: { author: ForumAuthor }) {
  const language = useLanguage();
  return (
    <span className="author-line">
      <AuthorName author={author} />
      {author.formerMember ? null : (
        <span className="muted">
          {' · '}
          <bdi>{organizationName(author.organization, language)}</bdi>
        </span>
      )}
    </span>
  );
}

/** Avatar, name, job title and a link to the company, as the topic shows its author. */
export function AuthorCard({ author }: { author: ForumAuthor }) {
  const language = useLanguage();
  return (
    <div className="author-card">
      <Avatar author={author} size={48} />
      <div className="author-card__text">
        <AuthorName author={author} />
        {author.jobTitle && !author.formerMember ? (
          <span className="muted">
            <bdi>{author.jobTitle}</bdi>
          </span>
        ) : null}
        {author.formerMember ? null : (
          <Link className="author-card__org" to={`/organizations/${author.organization.id}`}>
            <bdi>{organizationName(author.organization, language)}</bdi>
          </Link>
        )}
      </div>
    </div>
  );
}
