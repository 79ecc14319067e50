import { deleteAccountBodySchema, type PersonalDataExport } from '@p2p/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { TextField } from '../../components/ui/field.js';
import { Alert } from '../../components/ui/feedback.js';
import { ApiError, api, apiRequest } from '../../lib/api-client.js';
import { errorMessage } from '../../lib/form-errors.js';
import { ME_KEY, SIGNED_OUT_KEY } from '../../lib/session.js';

/** Saves the export as a file, as the server names it (the one HTTP client reads it; the browser keeps it). */
function saveAsFile(data: PersonalDataExport): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `p2p-sandbox-my-data-${data.exportedAt.slice(0, 10)}.json`;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

function DownloadMyData() {
  const { t } = useTranslation();
  const download = useMutation({
    mutationFn: () => api.get<PersonalDataExport>('/api/v1/users/me/export'),
    onSuccess: saveAsFile,
  });
  return (
    <div className="stack">
      {download.isError ? <Alert tone="error">{errorMessage(t, download.error)}</Alert> : null}
      {download.isSuccess ? <Alert tone="success">{t('privacy.account.downloaded')}</Alert> : null}
      <div>
        <button type="button" className="button" disabled={download.isPending} onClick={() => download.mutate()}>
          {download.isPending ? t('privacy.account.downloading') : t('privacy.account.download')}
        </button>
      </div>
    </div>
  );
}

function DeleteMyAccount() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [passwordError, setPasswordError] = useState<string | undefined>();
  const remove = useMutation({
    mutationFn: (body: { password: string }) => apiRequest<null>('/api/v1/users/me', { method: 'DELETE', body }),
    onSuccess: async () => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== ME_KEY[0] });
      queryClient.setQueryData(SIGNED_OUT_KEY, true);
      queryClient.setQueryData(ME_KEY, null);
      await navigate('/');
    },
    onError: (error) => {
      if (error instanceof ApiError && error.fieldError('password')) {
        setPasswordError(
          error.fieldError('password')?.code === 'invalid_password' ? t('privacy.account.wrongPassword') : t('fieldErrors.required'),
        );
      }
    },
  });
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = deleteAccountBodySchema.safeParse({ password });
    if (!parsed.success) {
      setPasswordError(t('fieldErrors.required'));
      return;
    }
    setPasswordError(undefined);
    remove.mutate(parsed.data);
  };
  const failure = remove.error instanceof ApiError && remove.error.fieldErrors.length > 0 ? null : remove.error;
  return (
    <form className="form" noValidate onSubmit={onSubmit} aria-labelledby="delete-account-title">
      <h3 id="delete-account-title">{t('privacy.account.deleteTitle')}</h3>
      <Alert tone="warning">{t('privacy.account.deleteWarning')}</Alert>
      {failure ? <Alert tone="error">{errorMessage(t, failure)}</Alert> : null}
      <TextField
        label={t('privacy.account.password')}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        error={passwordError}
        onChange={(event) => setPassword(event.target.value)}
      />
      <div>
        <button type="submit" className="button button--danger" disabled={remove.isPending}>
          {remove.isPending ? t('privacy.account.deleting') : t('privacy.account.confirm')}
        </button>
      </div>
    </form>
  );
}

/** The account page's "Your data": download everything kept about me, or delete my account. */
export function PrivacySection() {
  const { t } = useTranslation();
  return (
    <section className="card stack" id="your-data" aria-labelledby="your-data-title">
      <h2 id="your-data-title">{t('privacy.account.title')}</h2>
      <p>
        {t('privacy.account.text')} <Link to="/privacy">{t('privacy.account.policyLink')}</Link>
      </p>
      <DownloadMyData />
      <DeleteMyAccount />
    </section>
  );
}
