import { getFormatter, getTranslations } from 'next-intl/server';
import type { CaseEntry } from '@/lib/subject-access/document';
import { FlaggedText } from './flagged-text';
import { h3 } from './styles';

/** The case journal: who was in contact about the case, when and how, with the regisseur's note. */
export async function ContactsSection({ contacts }: { contacts: CaseEntry['contacts'] }) {
  const [t, tKinds, format] = await Promise.all([getTranslations('subjectAccess.case'), getTranslations('case.journal.kinds'), getFormatter()]);
  const day = (iso: string) => format.dateTime(new Date(`${iso}T12:00:00Z`), { dateStyle: 'medium' });
  return (
    <>
      <h3 className={h3}>{t('contacts')}</h3>
      {contacts.length === 0 ? <p className="text-sm text-muted">{t('none')}</p> : null}
      <ul className="space-y-2 text-sm">
        {contacts.map((c, i) => (
          <li key={i} className="break-inside-avoid">
            <p>
              <span className="font-medium">{tKinds(c.kind)}</span> <span className="text-muted">· {day(c.contactDate)} ·</span>{' '}
              <FlaggedText value={c.organisation} />
            </p>
            <p>
              <FlaggedText value={c.note} />
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
