import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function AdminTabs({ current }: { current: 'overview' | 'organisations' | 'audit' | 'settings' | 'mailbox' }) {
  const t = await getTranslations('admin');
  const tabs = [
    { key: 'overview', href: '/admin' },
    { key: 'organisations', href: '/admin/organisations' },
    { key: 'audit', href: '/admin/audit' },
    { key: 'settings', href: '/admin/settings' },
    { key: 'mailbox', href: '/admin/mailbox' },
  ] as const;
  return (
    <nav aria-label={t('title')} className="mb-6 flex flex-wrap gap-2 border-b border-line">
      {tabs.map((tab) => (
        <Link
          key={tab.key}
          href={tab.href}
          aria-current={tab.key === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            tab.key === current ? 'border-brand-600 text-brand-800' : 'border-transparent text-muted hover:text-ink'
          }`}
        >
          {t(`tabs.${tab.key}`)}
        </Link>
      ))}
    </nav>
  );
}
