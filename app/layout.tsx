import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import './globals.css';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('app');
  return { title: { default: t('name'), template: `%s · ${t('name')}` }, robots: { index: false, follow: false } };
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  // Client components only need these namespaces; the rest stays on the server.
  const clientMessages = { login: messages.login, errors: messages.errors, forms: messages.forms, case: messages.case, cases: messages.cases, agreements: messages.agreements, meetings: messages.meetings, signals: messages.signals, signalSettings: messages.signalSettings, retention: messages.retention, admin: messages.admin };
  // Signing in again in place, and the minutes' drafts (components/session, components/meetings/record-item-form).
  const sessionMessages = { session: messages.session, minuteDrafts: messages.minuteDrafts };
  // The WGS contact point's forms (components/data-subject-requests).
  Object.assign(clientMessages, { dataSubjectRequests: messages.dataSubjectRequests });
  // The sign-in form's partner-IdP hint and the admin's IdP form (components/login-form, components/admin/idp-form).
  const partnerIdpMessages = { partnerIdp: messages.partnerIdp };
  return (
    <html lang={locale}>
      <body className="min-h-screen font-sans antialiased">
        <NextIntlClientProvider messages={{ ...clientMessages, ...sessionMessages, ...partnerIdpMessages }}>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
