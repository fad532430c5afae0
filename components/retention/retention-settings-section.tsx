import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/sessions';
import { readRetentionSettings } from '@/lib/retention/manage-settings';
import { RetentionSettingsForm } from './retention-settings-form';

/** Beheer → Instellingen: the retention terms, beside the stagnation thresholds. */
export async function RetentionSettingsSection({ actor }: { actor: Actor }) {
  const [current, t, format] = await Promise.all([readRetentionSettings(actor), getTranslations('retention.settings'), getFormatter()]);
  return (
    <section aria-labelledby="retention-title" className="mt-8 rounded-lg border border-line bg-white p-5" data-testid="retention-settings">
      <h2 id="retention-title" className="text-lg font-semibold">
        {t('title')}
      </h2>
      <p className="mb-4 max-w-prose text-sm text-muted">
        {t('intro')}{' '}
        {current.updatedAt
          ? t('lastChanged', { date: format.dateTime(current.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })
          : t('defaults')}
      </p>
      <RetentionSettingsForm settings={current.settings} version={current.version} />
    </section>
  );
}
