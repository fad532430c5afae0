import { sql } from 'drizzle-orm';

/*
 * The dashboard's "now" figures per scope shape (drizzle/0050): active cases per status and open signals
 * per level, once per organisation × target group × municipality, each a value or '*' (every value). As the
 * readers see them: the rows plus the changes the writes appended since the last fold, to be summed.
 */
export const NOW = sql`(select * from dashboard_now union all select * from dashboard_now_changes)`;

/** The value of a shape's organisation, target group or municipality that stands for every one. */
export const EVERY = '*';
