import { attendance, recurrence } from '@/db/enums';

/** The recurrences and attendance values the database accepts: the forms offer exactly these. */
export const MEETING_RECURRENCES = recurrence.enumValues;
export const ATTENDANCE_VALUES = attendance.enumValues;
