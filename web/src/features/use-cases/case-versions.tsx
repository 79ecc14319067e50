import type { UseCaseVersion } from '@p2p/contracts';
import type { Language } from '@p2p/contracts/enums';
import type { TFunction } from 'i18next';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, EmptyState, Spinner } from '../../components/ui/feedback.js';
import { errorMessage } from '../../lib/form-errors.js';
import { AuthorName } from '../../components/content/author.js';
import { useLanguage } from '../../lib/use-language.js';
import { useVersions } from './case-api.js';
import { formatDateTime, listSeparator } from './case-format.js';
import { formatNumber } from '../../lib/format.js';

export const fieldLabel = (t: TFunction, field: string) => t(`useCase.fields.${field}`, { defaultValue: field });

/** A stored value (text, number, list, outcomes object) as readable text. */
export function describeValue(t: TFunction, value: unknown, language: Language): string {
  if (value === null || value === undefined || value === '') return t('useCase.versions.empty');
  if (typeof value === 'number') return formatNumber(value, language, { maximumFractionDigits: 2 });
  if (typeof value === 'boolean') return value ? t('useCase.versions.yes') : t('useCase.versions.no');
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) {
    if (value.length === 0) return t('useCase.versions.empty');
    return value
      .map((item) => (typeof item === 'object' && item !== null ? describeValue(t, item, language) : String(item)))
      .join(listSeparator(language));
  }
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    // An extra outcome reads as "Scrap rate: 2.1 %".
    if (typeof record.label === 'string' && typeof record.value === 'number') {
      return `${record.label}: ${formatNumber(record.value, language, { maximumFractionDigits: 2 })}${typeof record.unit === 'string' && record.unit ? ` ${record.unit}` : ''}`;
    }
    const entries = Object.entries(record).filter(([, v]) => v !== null && v !== undefined);
    if (entries.length === 0) return t('useCase.versions.empty');
    return entries.map(([key, v]) => `${fieldLabel(t, key)}: ${describeValue(t, v, language)}`).join(listSeparator(language));
  }
  // Stored values are JSON, so nothing else arrives here; a bigint or symbol would still read as itself.
  return typeof value === 'bigint' || typeof value === 'symbol' ? value.toString() : t('useCase.versions.empty');
}

function VersionEntry({ version }: { version: UseCaseVersion }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <li className="version">
      <p className="version__head">
        <strong>{t('useCase.versions.version', { number: version.version })}</strong>
        {' · '}
        <AuthorName author={version.editor} />
        {' · '}
        <time dateTime={version.createdAt}>{formatDateTime(version.createdAt, language)}</time>
      </p>
      {version.changes.length === 0 ? (
        <p className="muted">{t('useCase.versions.noChanges')}</p>
      ) : (
        <>
          <p className="muted">
            {t('useCase.versions.changed', { fields: version.changes.map((c) => fieldLabel(t, c.field)).join(listSeparator(language)) })}
          </p>
          <ul className="version__changes">
            {version.changes.map((change) => (
              <li key={change.field}>
                <details>
                  <summary>{t('useCase.versions.showChange', { field: fieldLabel(t, change.field) })}</summary>
                  <dl className="version__diff">
                    <div>
                      <dt>{t('useCase.versions.before')}</dt>
                      <dd dir="auto">{describeValue(t, change.before, language)}</dd>
                    </div>
                    <div>
                      <dt>{t('useCase.versions.after')}</dt>
                      <dd dir="auto">{describeValue(t, change.after, language)}</dd>
                    </div>
                  </dl>
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

/** Every edit of the published case, loaded when the reader opens the history. */
export function CaseVersions({ useCaseId, currentVersion }: { useCaseId: string; currentVersion: number }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const versions = useVersions(useCaseId, open);
  return (
    <section className="card" aria-labelledby="versions-heading">
      <h2 id="versions-heading">{t('useCase.versions.title')}</h2>
      <p className="muted">{t('useCase.versions.current', { number: currentVersion })}</p>
      <button
        type="button"
        className="button button--small"
        aria-expanded={open}
        aria-controls="versions-list"
        onClick={() => setOpen((v) => !v)}
      >
        {open ? t('useCase.versions.hide') : t('useCase.versions.show')}
      </button>
      <div id="versions-list" hidden={!open}>
        {open && versions.isPending ? <Spinner /> : null}
        {open && versions.isError ? <Alert tone="error">{errorMessage(t, versions.error)}</Alert> : null}
        {open && versions.data ? (
          versions.data.items.length === 0 ? (
            <EmptyState>{t('useCase.versions.none')}</EmptyState>
          ) : (
            <ol className="versions">
              {versions.data.items.map((version) => (
                <VersionEntry key={version.version} version={version} />
              ))}
            </ol>
          )
        ) : null}
      </div>
    </section>
  );
}
