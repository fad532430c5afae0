'use client';

import { useTranslations } from 'next-intl';
import { TextField } from '@/components/forms/fields';

export type MeetingWhen = { date: string; startTime: string; endTime: string; location: string; videoUrl: string };

/** Date, times and place of a meeting: in the create form and when it is moved. */
export function WhenFields({ value }: { value?: MeetingWhen }) {
  const t = useTranslations('meetings');
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField name="date" label={t('form.date')} type="date" defaultValue={value?.date} required />
        <TextField name="startTime" label={t('form.startTime')} type="time" defaultValue={value?.startTime} required />
        <TextField name="endTime" label={t('form.endTime')} type="time" defaultValue={value?.endTime} required />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="location" label={t('form.location')} defaultValue={value?.location} hint={t('form.locationHint')} />
        <TextField name="videoUrl" label={t('form.videoUrl')} type="url" defaultValue={value?.videoUrl} hint={t('form.videoUrlHint')} />
      </div>
    </>
  );
}
