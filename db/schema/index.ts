// The database schema by area; `@/db/schema` is this file. drizzle.config.ts reads it too.
// The enums live apart so that client components can use their values without the table definitions.
export * from '../enums';
export * from './directory';
export * from './cases';
export * from './referrals';
export * from './audit';
export * from './meetings';
export * from './agreements';
export * from './sign-in';
export * from './signals';
export * from './admin';
export * from './home';
export * from './data-subject-requests';
export * from './partner-sign-in';
export * from './dashboard';
