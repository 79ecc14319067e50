import type { Me } from '@p2p/contracts';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../../app/i18n.js';
import { api } from '../../lib/api-client.js';
import { errorMessage } from '../../lib/form-errors.js';
import { useNow } from '../../lib/use-now.js';
import { formatDate } from '../../lib/format.js';

/** Asks an unverified user to confirm their email, with a resend button. */
export function VerifyEmailBanner({ me }: { me: Me }) {
  const { t } = useTranslation();
  const resend = useMutation({ mutationFn: () => api.post('/api/auth/send-verification-email', { email: me.email }) });
  const now = useNow();
  if (me.emailVerified || !me.verificationDeadline) return null;
  const deadlinePassed = Date.parse(me.verificationDeadline) < now;
  return (
    <div className="banner banner--warning" role="region" aria-label={t('verifyBanner.resend')}>
      <p>
        {deadlinePassed
          ? t('verifyBanner.expired', { email: me.email })
          : t('verifyBanner.text', { email: me.email, date: formatDate(me.verificationDeadline, currentLanguage()) })}
      </p>
      {resend.isSuccess ? (
        <p role="status">{t('verifyBanner.sent')}</p>
      ) : (
        <button type="button" className="button button--small" onClick={() => resend.mutate()} disabled={resend.isPending}>
          {resend.isPending ? t('verifyBanner.sending') : t('verifyBanner.resend')}
        </button>
      )}
      {resend.isError ? <p role="alert">{errorMessage(t, resend.error)}</p> : null}
    </div>
  );
}

/** An expired trial is shown to the organization's admins; everything keeps working. */
export function TrialBanner({ me }: { me: Me }) {
  const { t } = useTranslation();
  const now = useNow();
  const { subscriptionTier, trialEndsAt } = me.organization;
  if (me.orgRole !== 'admin' || subscriptionTier !== 'trial' || !trialEndsAt || Date.parse(trialEndsAt) > now) return null;
  return (
    <div className="banner banner--info" role="status">
      <p>{t('trialBanner.expired', { date: formatDate(trialEndsAt, currentLanguage()) })}</p>
    </div>
  );
}
