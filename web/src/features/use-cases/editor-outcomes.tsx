import { OUTCOME_FIELDS, OUTCOME_KEYS, type OutcomeField } from '@p2p/contracts';
import { useTranslation } from 'react-i18next';
import { TextField } from '../../components/ui/field.js';
import { type ExtraRow, newExtraRow } from './editor-draft.js';

const MAX_EXTRA = 20;
const UNIT_KEYS = { '%': 'percent', months: 'months', SAR: 'sar', 'SAR/year': 'sarPerYear' } as const;

interface OutcomesEditorProps {
  outcomes: Record<OutcomeField, string>;
  onOutcome: (field: OutcomeField, value: string) => void;
  implementationMonths: string;
  onImplementationMonths: (value: string) => void;
  extra: ExtraRow[];
  onExtra: (rows: ExtraRow[]) => void;
  /** The message for a path ("outcomes.roiPercent", "extraOutcomes.0.label"), if any. */
  errorFor: (path: string) => string | undefined;
}

/** The measured results, each with its unit named in the label, and any further measures as rows. */
export function OutcomesEditor({
  outcomes,
  onOutcome,
  implementationMonths,
  onImplementationMonths,
  extra,
  onExtra,
  errorFor,
}: OutcomesEditorProps) {
  const { t } = useTranslation();
  const unitLabel = (field: OutcomeField) => t(`useCase.units.${UNIT_KEYS[OUTCOME_FIELDS[field].unit]}`);
  const setRow = (key: string, patch: Partial<ExtraRow>) => onExtra(extra.map((row) => (row.key === key ? { ...row, ...patch } : row)));
  return (
    <div className="stack">
      <p className="muted">{t('useCase.editor.outcomesIntro')}</p>
      <div className="form__row editor__figures">
        {OUTCOME_KEYS.map((field) => (
          <TextField
            key={field}
            label={t('useCase.editor.withUnit', { label: t(`useCase.outcomes.fields.${field}`), unit: unitLabel(field) })}
            optionalLabel={t('common.optional')}
            inputMode="decimal"
            className="number-input"
            value={outcomes[field]}
            error={errorFor(`outcomes.${field}`)}
            onChange={(e) => onOutcome(field, e.target.value)}
          />
        ))}
        <TextField
          label={t('useCase.editor.withUnit', { label: t('useCase.outcomes.implementation'), unit: t('useCase.units.months') })}
          optionalLabel={t('common.optional')}
          inputMode="decimal"
          className="number-input"
          value={implementationMonths}
          error={errorFor('implementationMonths')}
          onChange={(e) => onImplementationMonths(e.target.value)}
        />
      </div>
      <div className="stack stack--tight">
        <h3>{t('useCase.editor.extraTitle')}</h3>
        <p className="field__hint">{t('useCase.editor.extraHint')}</p>
        {extra.length > 0 ? (
          <ol className="plain-list stack stack--tight">
            {extra.map((row, index) => (
              <li key={row.key} className="extra-outcome" aria-label={t('useCase.editor.extraRow', { number: index + 1 })}>
                <TextField
                  label={t('useCase.editor.extraLabel')}
                  value={row.label}
                  maxLength={80}
                  dir="auto"
                  error={errorFor(`extraOutcomes.${index}.label`)}
                  onChange={(e) => setRow(row.key, { label: e.target.value })}
                />
                <TextField
                  label={t('useCase.editor.extraValue')}
                  value={row.value}
                  inputMode="decimal"
                  className="number-input"
                  error={errorFor(`extraOutcomes.${index}.value`)}
                  onChange={(e) => setRow(row.key, { value: e.target.value })}
                />
                <TextField
                  label={t('useCase.editor.extraUnit')}
                  value={row.unit}
                  maxLength={20}
                  dir="auto"
                  error={errorFor(`extraOutcomes.${index}.unit`)}
                  onChange={(e) => setRow(row.key, { unit: e.target.value })}
                />
                <button
                  type="button"
                  className="button button--small button--danger"
                  aria-label={t('useCase.editor.removeExtra', { number: index + 1 })}
                  onClick={() => onExtra(extra.filter((r) => r.key !== row.key))}
                >
                  {t('useCase.editor.remove')}
                </button>
              </li>
            ))}
          </ol>
        ) : null}
        {extra.length < MAX_EXTRA ? (
          <button type="button" className="button button--small" onClick={() => onExtra([...extra, newExtraRow()])}>
            {t('useCase.editor.addExtra')}
          </button>
        ) : null}
      </div>
    </div>
  );
}
