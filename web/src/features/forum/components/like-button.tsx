import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../lib/format.js';
import { useLanguage } from '../../../lib/use-language.js';

/** A like toggle: pressed when the reader likes it, with the count beside it. */
export function LikeButton({
  liked,
  count,
  onToggle,
  disabled,
  label,
}: {
  liked: boolean;
  count: number;
  onToggle: () => void;
  disabled?: boolean;
  label?: string;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <button
      type="button"
      className={`button button--small like${liked ? ' like--on' : ''}`}
      aria-pressed={liked}
      onClick={onToggle}
      disabled={disabled}
      aria-label={label ? `${label} (${formatNumber(count, language)})` : undefined}
    >
      <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <path
          fill={liked ? 'currentColor' : 'none'}
          stroke="currentColor"
          strokeWidth="2"
          d="M12 21s-7.5-4.6-9.6-9.1C1 8.8 2.9 5 6.6 5c2.2 0 3.6 1.2 4.4 2.5C11.8 6.2 13.2 5 15.4 5c3.7 0 5.6 3.8 4.2 6.9C19.5 16.4 12 21 12 21Z"
        />
      </svg>
      <span>{t('forum.like')}</span>
      <span className="like__count">{formatNumber(count, language)}</span>
    </button>
  );
}
