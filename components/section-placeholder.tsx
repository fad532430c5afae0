import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { Section } from '@/lib/access/navigation';

export async function sectionMetadata(section: Section): Promise<Metadata> {
  return { title: (await getTranslations('nav'))(section) };
}
