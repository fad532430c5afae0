/** The kinds of contact in the case journal (drizzle/0033); here so client forms can offer them. */
export const CONTACT_KINDS = ['telefoon', 'mail', 'overleg'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
