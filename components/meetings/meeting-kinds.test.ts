import { describe, expect, it } from 'vitest';
import { attendance, meetingKind, recurrence } from '@/db/enums';
import en from '@/lib/i18n/messages/en.json';
import nl from '@/lib/i18n/messages/nl.json';

// The create form offers exactly the kinds the database accepts (app/(app)/meetings/new/page.tsx derives
// them from db/enums.ts): a kind added there must get a label in both languages, or the form shows a key.
describe('meeting kinds', () => {
  it('every kind the database accepts has a Dutch and an English label', () => {
    for (const messages of [nl, en]) {
      const labels = (messages.meetings as { kinds: Record<string, string> }).kinds;
      for (const kind of meetingKind.enumValues) expect(labels[kind], kind).toMatch(/\S/);
    }
  });

  it('every recurrence and attendance value the database accepts has a Dutch and an English label', () => {
    for (const messages of [nl, en]) {
      const m = messages.meetings as { recurrences: Record<string, string>; attendanceValues: Record<string, string> };
      for (const r of recurrence.enumValues) expect(m.recurrences[r], r).toMatch(/\S/);
      for (const a of attendance.enumValues) expect(m.attendanceValues[a], a).toMatch(/\S/);
    }
  });
});
