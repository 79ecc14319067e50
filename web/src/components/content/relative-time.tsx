import { formatDate, formatRelative } from '../../lib/format.js';
import { useLanguage } from '../../lib/use-language.js';

/** "2 hours ago", with the full date and time as the machine-readable value and the tooltip. */
export function RelativeTime({ value }: { value: string }) {
  const language = useLanguage();
  return (
    <time dateTime={value} title={formatDate(value, language, true)}>
      {formatRelative(value, language)}
    </time>
  );
}
