import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from './api-client.js';
import { type Issue, errorMessage, fieldMessages, zodIssues } from './form-errors.js';

interface SafeParser<T> {
  safeParse(
    value: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: ReadonlyArray<{ path: PropertyKey[]; code: string }> } };
}

/**
 * Form state for one submit: validates with the shared schema first, then shows the server's
 * problem — field errors next to their fields, anything else as one message — in the UI language.
 */
export function useForm<T>(schema: SafeParser<T>) {
  const { t } = useTranslation();
  const [issues, setIssues] = useState<Issue[]>([]);
  const [formError, setFormError] = useState<{ message: string; requestId?: string | undefined } | null>(null);

  const fields = fieldMessages(t, issues);

  return {
    fields,
    formError,
    /** Parses the values; on failure shows the errors and returns undefined. */
    validate: (values: unknown, extra: Issue[] = []): T | undefined => {
      const parsed = schema.safeParse(values);
      const found = [...(parsed.success ? [] : zodIssues(parsed.error.issues)), ...extra];
      setIssues(found);
      setFormError(found.length > 0 ? { message: t('errors.VALIDATION_FAILED') } : null);
      if (found.length > 0) focusFirstInvalid();
      return parsed.success && extra.length === 0 ? parsed.data : undefined;
    },
    /** Shows a failed request: field errors where the server named a field, else one message. */
    showError: (error: unknown) => {
      if (error instanceof ApiError && error.fieldErrors.length > 0) {
        setIssues(error.fieldErrors.map((e) => ({ path: e.path, code: e.code })));
        setFormError({ message: t('errors.VALIDATION_FAILED') });
        focusFirstInvalid();
        return;
      }
      setIssues([]);
      setFormError({
        message: errorMessage(t, error),
        requestId: error instanceof ApiError && error.status >= 500 ? error.requestId : undefined,
      });
    },
    reset: () => {
      setIssues([]);
      setFormError(null);
    },
  };
}

function focusFirstInvalid() {
  requestAnimationFrame(() => {
    const invalid = document.querySelector<HTMLElement>('[aria-invalid="true"]');
    invalid?.focus();
  });
}
