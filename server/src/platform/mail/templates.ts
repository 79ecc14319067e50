import type { Language, OrgRole } from '@p2p/contracts';

/** Every email the product sends, with the data each needs. */
export interface MailTemplates {
  'verify-email': { firstName: string; url: string };
  'reset-password': { firstName: string; url: string };
  invitation: { inviterName: string; organizationName: string; role: OrgRole; message: string | null; expiresAt: string; url: string };
}
export type MailTemplate = keyof MailTemplates;

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
  links: string[];
}

interface Copy {
  subject: string;
  greeting: string;
  lines: string[];
  action: string;
  footer: string;
}

type CopyBuilder<T extends MailTemplate> = Record<Language, (data: MailTemplates[T]) => Copy>;

/** An instant as a date people read (Riyadh time, Gregorian calendar in both languages). */
function formatDate(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-ca-gregory' : 'en-GB', { dateStyle: 'long', timeZone: 'Asia/Riyadh' }).format(
    new Date(iso),
  );
}

/**
 * A person's own words inside an email as plain text that no mail client turns into a link: a word
 * joiner (U+2060, invisible) after every dot, at sign, colon and slash breaks what autolinkers look
 * for, on top of the invitation's rule that the message carries no link (escaped like all text in HTML).
 */
export function unlinkable(text: string): string {
  return text.replace(/[.@:/\u3002\uFF0E\uFF61]/gu, (c) => `${c}\u2060`);
}

const ROLE_LABELS: Record<Language, Record<OrgRole, string>> = {
  en: { admin: 'an administrator', member: 'a member' },
  ar: { admin: 'مسؤولًا', member: 'عضوًا' },
};

const copies: { [T in MailTemplate]: CopyBuilder<T> } = {
  'verify-email': {
    en: (d) => ({
      subject: 'Confirm your email for P2P Sandbox',
      greeting: `Hello ${d.firstName},`,
      lines: ['Please confirm your email address to keep full access to P2P Sandbox.', 'The link is valid for 7 days.'],
      action: 'Confirm my email',
      footer: 'If you did not create an account, you can ignore this message.',
    }),
    ar: (d) => ({
      subject: 'أكّد بريدك الإلكتروني في P2P Sandbox',
      greeting: `مرحبًا ${d.firstName}،`,
      lines: ['يُرجى تأكيد بريدك الإلكتروني للاحتفاظ بكامل صلاحيات حسابك في P2P Sandbox.', 'الرابط صالح لمدة 7 أيام.'],
      action: 'تأكيد بريدي الإلكتروني',
      footer: 'إذا لم تُنشئ حسابًا، يمكنك تجاهل هذه الرسالة.',
    }),
  },
  'reset-password': {
    en: (d) => ({
      subject: 'Reset your P2P Sandbox password',
      greeting: `Hello ${d.firstName},`,
      lines: [
        'We received a request to reset your password.',
        'The link is valid for one hour and can be used once. Signing in with the new password ends your other sessions.',
      ],
      action: 'Choose a new password',
      footer: 'If you did not ask for this, ignore this message: your password stays unchanged.',
    }),
    ar: (d) => ({
      subject: 'إعادة تعيين كلمة المرور في P2P Sandbox',
      greeting: `مرحبًا ${d.firstName}،`,
      lines: [
        'تلقّينا طلبًا لإعادة تعيين كلمة المرور الخاصة بك.',
        'الرابط صالح لمدة ساعة واحدة ولمرة واحدة فقط، وسيتم إنهاء جلساتك الأخرى بعد تغيير كلمة المرور.',
      ],
      action: 'اختيار كلمة مرور جديدة',
      footer: 'إذا لم تطلب ذلك، تجاهل هذه الرسالة وستبقى كلمة المرور كما هي.',
    }),
  },
  invitation: {
    en: (d) => ({
      subject: `${d.inviterName} invited you to join ${d.organizationName} on P2P Sandbox`,
      greeting: 'Hello,',
      lines: [
        `${d.inviterName} invited you to join ${d.organizationName} on P2P Sandbox as ${ROLE_LABELS.en[d.role]}.`,
        ...(d.message ? [`Their message: “${unlinkable(d.message)}”`] : []),
        `The invitation is valid until ${formatDate(d.expiresAt, 'en')} and can be used once.`,
      ],
      action: 'Accept the invitation',
      footer: 'If you did not expect this invitation, you can ignore this message.',
    }),
    ar: (d) => ({
      subject: `دعاك ${d.inviterName} للانضمام إلى ${d.organizationName} في P2P Sandbox`,
      greeting: 'مرحبًا،',
      lines: [
        `دعاك ${d.inviterName} للانضمام إلى ${d.organizationName} في P2P Sandbox ${ROLE_LABELS.ar[d.role]}.`,
        ...(d.message ? [`الرسالة المرفقة: «${unlinkable(d.message)}»`] : []),
        `الدعوة صالحة حتى ${formatDate(d.expiresAt, 'ar')} ولمرة واحدة فقط.`,
      ],
      action: 'قبول الدعوة',
      footer: 'إذا لم تكن تتوقع هذه الدعوة، يمكنك تجاهل هذه الرسالة.',
    }),
  },
};

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

export function renderMail<T extends MailTemplate>(template: T, language: Language, data: MailTemplates[T]): RenderedMail {
  const copy = (copies[template] as CopyBuilder<T>)[language](data);
  const url = data.url;
  const dir = language === 'ar' ? 'rtl' : 'ltr';
  const text = [copy.greeting, '', ...copy.lines, '', `${copy.action}: ${url}`, '', copy.footer, '', '— P2P Sandbox'].join('\n');
  const html = `<!doctype html><html lang="${language}" dir="${dir}"><body style="font-family:system-ui,'Segoe UI',Tahoma,sans-serif;line-height:1.5;color:#1f2937">
<p>${escapeHtml(copy.greeting)}</p>
${copy.lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#0f766e;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(copy.action)}</a></p>
<p style="font-size:13px;color:#4b5563">${escapeHtml(url)}</p>
<p style="font-size:13px;color:#4b5563">${escapeHtml(copy.footer)}</p>
<p>— P2P Sandbox</p></body></html>`;
  return { subject: copy.subject, text, html, links: [url] };
}
