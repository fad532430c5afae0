import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { RegisterRequestForm } from '@/components/data-subject-requests/register-form';
import { PageTitle } from '@/components/page-title';
import { buttonClass } from '@/components/ui/button';
import { cardClass } from '@/components/ui/card';
import { inputClass } from '@/components/ui/field';
import { requirePage } from '@/lib/access/pages';
import { findCasesOfPerson } from '@/lib/data-subject-requests/find-cases';
import { personSchema } from '@/lib/data-subject-requests/schemas';
import { isoToTyped, typedDateToIso } from '@/lib/forms/typed-date';
import { uiLocale } from '@/lib/i18n/ui-locale';
import { fieldErrorsOf } from '@/lib/validation/zod';

export const dynamic = 'force-dynamic';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dataSubjectRequests'))('form.title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

/**
 * Registering a request in two steps: look the person up (a GET form, so the search can be repeated),
 * then confirm the cases and fill in who asked and how; the lookup is audited like the triage's.
 */
export default async function NewDataSubjectRequestPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePage('dataSubjectRequest.manage');
  const t = await getTranslations('dataSubjectRequests');
  const params = await searchParams;
  const typedBirthDate = one(params.birthDate);
  const person = personSchema.safeParse({ name: one(params.name), birthDate: typedDateToIso(typedBirthDate) ?? typedBirthDate });
  const found = person.success ? await findCasesOfPerson(actor, person.data) : null;
  // A search that was made but cannot be run says why; the empty form says nothing.
  const searched = one(params.name) !== '' || typedBirthDate !== '';
  const searchError = !person.success && searched ? Object.values(fieldErrorsOf(person.error, await uiLocale())).flat().join(' ') : null;

  return (
    <>
      <Link href="/data-subject-requests" className="text-sm font-medium text-brand-700 underline">
        {t('detail.back')}
      </Link>
      <PageTitle description={t('search.intro')}>{t('form.title')}</PageTitle>
      <form method="get" className={cardClass('p-5', 'mb-6 grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end')}>
        <div>
          <label htmlFor="dsr-name" className="block text-sm font-medium">
            {t('search.name')}
          </label>
          <input id="dsr-name" name="name" defaultValue={one(params.name)} required autoComplete="off" className={inputClass.form} />
        </div>
        <div>
          <label htmlFor="dsr-birth" className="block text-sm font-medium">
            {t('search.birthDate')}
          </label>
          <input
            id="dsr-birth"
            name="birthDate"
            defaultValue={person.success ? isoToTyped(person.data.birthDate) : typedBirthDate}
            placeholder="dd-mm-jjjj"
            inputMode="numeric"
            required
            autoComplete="off"
            className={inputClass.form}
          />
        </div>
        <button type="submit" className={buttonClass({ size: 'md', variant: found ? 'secondary' : 'primary' })}>
          {t('search.submit')}
        </button>
      </form>
      {searchError ? (
        <p role="alert" className="mb-6 rounded border border-danger bg-danger-50 px-3 py-2 text-sm text-danger">
          {searchError}
        </p>
      ) : null}
      {found && person.success ? (
        <section className={cardClass('p-5')} aria-labelledby="dsr-register">
          <h2 id="dsr-register" className="mb-4 text-lg font-semibold">
            {t('search.found')}: {person.data.name}
          </h2>
          <RegisterRequestForm
            name={person.data.name}
            birthDate={person.data.birthDate}
            cases={found.map((c) => ({
              id: c.id,
              number: c.number,
              detail: c.partners.length ? t('search.partnersOf', { names: c.partners.map((p) => p.name).join(', ') }) : t('search.noPartners'),
            }))}
          />
        </section>
      ) : null}
    </>
  );
}
