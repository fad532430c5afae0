import { getFormatter, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/actor';
import { readRetentionSettings } from '@/lib/retention/manage-settings';
import { SettingsCard } from '@/components/admin/settings-card';
import { RetentionSettingsForm } from './retention-settings-form';

/** Beheer → Instellingen: the retention terms, beside the stagnation thresholds. */
export async function RetentionSettingsSection({ actor }: { actor: Actor }) {
  const [current, t, format] = await Promise.all([readRetentionSettings(actor), getTranslations('retention.settings'), getFormatter()]);
  return (
    <SettingsCard
      id="retention"
      title={t('title')}
      intro={t('intro')}
      status={
        current.updatedAt
          ? t('lastChanged', { date: format.dateTime(current.updatedAt, { dateStyle: 'medium', timeStyle: 'short' }) })
          : t('defaults')
      }
      testId="retention-settings"
    >
      <RetentionSettingsForm settings={current.settings} version={current.version} />
    </SettingsCard>
  );
}
