// The catalogues, one file per domain with both languages; render.ts looks keys up here.
import * as admin from './admin';
import * as agreements from './agreements';
import * as api from './api';
import * as auth from './auth';
import * as cases from './cases';
import * as common from './common';
import * as dashboard from './dashboard';
import * as dataSubjectRequests from './data-subject-requests';
import * as http from './http';
import * as live from './live';
import * as meetings from './meetings';
import * as notify from './notify';
import * as pagination from './pagination';
import * as oidc from './oidc';
import * as profile from './profile';
import * as retention from './retention';
import * as signals from './signals';
import * as stagnation from './stagnation';
import * as users from './users';
import * as zod from './zod';

const domains = [admin, agreements, api, auth, cases, common, dashboard, dataSubjectRequests, http, live, meetings, notify, oidc, pagination, profile, retention, signals, stagnation, users, zod];

export const nl = Object.assign({}, ...domains.map((d) => d.nl)) as
  typeof admin.nl &
  typeof agreements.nl &
  typeof api.nl &
  typeof auth.nl &
  typeof cases.nl &
  typeof common.nl &
  typeof dashboard.nl &
  typeof dataSubjectRequests.nl &
  typeof http.nl &
  typeof live.nl &
  typeof meetings.nl &
  typeof notify.nl &
  typeof pagination.nl &
  typeof oidc.nl &
  typeof profile.nl &
  typeof retention.nl &
  typeof signals.nl &
  typeof stagnation.nl &
  typeof users.nl &
  typeof zod.nl;
export const catalogues: Record<'nl' | 'en', Record<keyof typeof nl, string>> = {
  nl,
  en: Object.assign({}, ...domains.map((d) => d.en)) as Record<keyof typeof nl, string>,
};
export type MessageKey = keyof typeof nl;
