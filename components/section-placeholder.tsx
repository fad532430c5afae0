import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from './empty-state';
import { PageTitle } from './page-title';
import { rolesFor, type Section } from '@/lib/access/navigation';
import { requireActor } from '@/lib/auth/actor';

type EmptySection = Exclude<Section, 'admin'>;

/** A section whose content a later feature fills; it already checks who may open it. */
export async function SectionPlaceholder({ section }: { section: EmptySection }) {
  await requireActor(rolesFor(section));
  const [tNav, tEmpty] = await Promise.all([getTranslations('nav'), getTranslations('empty')]);
  return (
    <>
      <PageTitle>{tNav(section)}</PageTitle>
      <EmptyState title={tEmpty('title')}>{tEmpty(section)}</EmptyState>
    </>
  );
}

export async function sectionMetadata(section: Section): Promise<Metadata> {
  return { title: (await getTranslations('nav'))(section) };
}
