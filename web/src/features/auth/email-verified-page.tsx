import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { Alert } from '../../components/ui/feedback.js';
import { PageTitle } from '../../components/ui/page-title.js';
import { ME_KEY, useMe } from '../../lib/session.js';

/** Where the emailed confirmation link lands (the server verified the token and redirected here). */
export function EmailVerifiedPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const failed = params.has('error');
  const queryClient = useQueryClient();
  const { data: me } = useMe();
  useEffect(() => {
    void queryClient.invalidateQueries({ queryKey: ME_KEY });
  }, [queryClient]);
  return (
    <div className="card card--narrow">
      <PageTitle>{failed ? t('auth.verifyFailedTitle') : t('auth.verifiedTitle')}</PageTitle>
      <Alert tone={failed ? 'error' : 'success'}>{failed ? t('auth.verifyFailedText') : t('auth.verifiedText')}</Alert>
      <Link className="button button--primary" to={me ? '/dashboard' : '/sign-in'}>
        {t('auth.continue')}
      </Link>
    </div>
  );
}
