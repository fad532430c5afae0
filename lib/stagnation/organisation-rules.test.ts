import { describe, expect, it } from 'vitest';
import { detectSignals } from './detect-signals';
import { aCase, anAgreement, at, settings, state } from './testing';

const cases = [
  aCase({ id: 'c1', number: '2026-0001' }),
  aCase({ id: 'c2', number: '2026-0002' }),
  aCase({ id: 'c3', number: '2026-0003' }),
  aCase({ id: 'c4', number: '2026-0004', status: 'afgesloten' }),
];

const overdue = (id: string, caseId: string, dueDate: string, ownerOrganisationId = 'org-politie') =>
  anAgreement({ id, caseId, dueDate, ownerOrganisationId, createdAt: at('2026-10-01') });

const organisationSignals = (agreements: ReturnType<typeof overdue>[], custom = settings()) =>
  detectSignals(state(cases, agreements), custom, at('2026-11-18')).filter((s) => s.rule === 'organisation_overdue_agreements');

describe('rule: partner organisation with many overdue agreements', () => {
  const five = [
    overdue('a1', 'c1', '2026-11-02'),
    overdue('a2', 'c1', '2026-11-03'),
    overdue('a3', 'c2', '2026-11-04'),
    overdue('a4', 'c3', '2026-11-05'),
    overdue('a5', 'c3', '2026-11-06'),
  ];

  it('fires at five overdue agreements across cases, since the fifth became overdue', () => {
    const signals = organisationSignals(five);
    expect(signals).toEqual([
      {
        rule: 'organisation_overdue_agreements',
        subject: { type: 'organisation', id: 'org-politie' },
        since: new Date('2026-11-08T23:00:00Z'),
        message: 'Organisatie heeft 5 afspraken over de einddatum in 3 casussen (2026-0001, 2026-0002, 2026-0003); de grens is 5.',
        key: 'organisation_overdue_agreements:org-politie',
      },
    ]);
    expect('caseId' in signals[0]!).toBe(false);
  });

  it('does not fire at four, nor count agreements of closed cases, done agreements or other organisations', () => {
    const four = five.slice(0, 4);
    expect(organisationSignals(four)).toEqual([]);
    expect(organisationSignals([...four, overdue('a6', 'c4', '2026-11-02')])).toEqual([]);
    expect(organisationSignals([...four, { ...overdue('a6', 'c2', '2026-11-02'), status: 'gereed' }])).toEqual([]);
    expect(organisationSignals([...four, overdue('a6', 'c2', '2026-11-02', 'org-ggz')])).toEqual([]);
    expect(organisationSignals([...four, overdue('a6', 'c2', '2026-12-02')])).toEqual([]);
  });

  it('follows the threshold in the settings and names a single case as such', () => {
    const signals = organisationSignals(five.slice(0, 2), settings({ partnerOverdueThreshold: 2 }));
    expect(signals.map((s) => s.message)).toEqual(['Organisatie heeft 2 afspraken over de einddatum in casus 2026-0001; de grens is 2.']);
    expect(signals[0]?.since).toEqual(new Date('2026-11-03T23:00:00Z'));
  });
});
