import type { Metadata } from 'next';
import { getFormatter, getTranslations } from 'next-intl/server';
import { AddContactForm, RemoveContactButton, StagnationSettingsForm } from '@/components/admin/signal-settings-forms';
import { AdminTabs } from '@/components/admin-tabs';
import { PageTitle } from '@/components/page-title';
import { SettingsCard } from '@/components/admin/settings-card';
import { RetentionSettingsSection } from '@/components/retention/retention-settings-section';
import { requirePage } from '@/lib/access/pages';
import { listEscalationContacts, readStagnationSettings } from '@/lib/signals/manage-settings';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('signalSettings'))('title') };
}

const card = 'rounded-lg border border-line bg-white p-5';

/** Functioneel beheer of signalling: the thresholds and the escalation contacts per organisation. */
export default async function SignalSettingsPage() {
  const actor = await requirePage('admin.settings');
  const [current, organisations, t, tAdmin, tDomains, format] = await Promise.all([
    readStagnationSettings(actor),
    listEscalationContacts(actor),
    getTranslations('signalSettings'),
    getTranslations('admin'),
    getTranslations('domains'),
    getFormatter(),
  ]);
  return (
    <>
      <PageTitle>{tAdmin('title')}</PageTitle>
      <AdminTabs current="settings" />
      <SettingsCard
        id="thresholds"
        title={t('title')}
        intro={t('intro')}
        status={
          current.updatedAt
            ? t('lastChanged', { date: format.dateTime(current.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })
            : t('defaults')
        }
      >
        <StagnationSettingsForm settings={current.settings} version={current.version} />
      </SettingsCard>
      <section aria-labelledby="contacts-title" className={`${card} mb-8`}>
        <h2 id="contacts-title" className="text-lg font-semibold">
          {t('contacts.title')}
        </h2>
        <p className="mb-4 max-w-prose text-sm text-muted">{t('contacts.intro')}</p>
        <div className="mb-6 rounded-lg bg-canvas p-4">
          <h3 className="mb-2 text-sm font-semibold">{t('contacts.addTitle')}</h3>
          <AddContactForm organisations={organisations.map((o) => ({ value: o.id, label: o.name }))} />
        </div>
        <ul className="divide-y divide-line" data-testid="escalation-contacts">
          {organisations.map((org) => (
            <li key={org.id} className="flex flex-wrap items-start justify-between gap-3 py-3" data-testid="organisation-contacts">
              <div className="w-full sm:w-72 sm:shrink-0">
                <span className="block font-medium">{org.name}</span>
                <span className="block text-xs text-muted">{tDomains(org.domain)}</span>
              </div>
              <div className="flex-1">
                {org.contacts.length === 0 ? (
                  <p className="text-sm text-muted">{t('contacts.none')}</p>
                ) : (
                  <ul className="space-y-1">
                    {org.contacts.map((c) => (
                      <li key={c.id} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
                        <span>
                          {c.name} <span className="text-muted">&lt;{c.email}&gt;</span>
                        </span>
                        <RemoveContactButton contactId={c.id} label={t('contacts.removeLabel', { name: c.name, organisation: org.name })} />
                      </li>
                    ))}
                  </ul>
                )}
              </div>
            </li>
          ))}
        </ul>
      </section>
      <RetentionSettingsSection actor={actor} />
    </>
  );
}
