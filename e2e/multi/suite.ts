import { expect, test } from '@playwright/test';
import pg from 'pg';
import { startMailCatcher } from '../mail-catcher';
import { startCluster, missingTools, type Cluster } from './cluster';
import { DEMO_PASSWORD, Session, type Answer } from './client';

// Two production servers behind HAProxy, both on one PostgreSQL through PgBouncer in transaction pooling
// (e2e/multi/cluster.ts): what a house runs when it scales out. CI installs every tool (.ci/run); a
// machine without them fails the suite and says what to install (README: requirements).
const missing = missingTools();
export let cluster: Cluster;
export let mail: Awaited<ReturnType<typeof startMailCatcher>>;
export const MAILS = 12;
const basePort = Number(process.env.MULTI_PORT ?? 3205);
const sessions = new Map<string, Session>();

/** The suite's set-up, in each spec that calls it: a cluster of its own, a mail catcher and mail in the outbox. */
export function setUpCluster() {
  test.describe.configure({ mode: 'serial' });

  test.beforeAll(async () => {
    test.setTimeout(240_000);
    if (missing.length > 0) throw new Error(`the multi-instance suite needs ${missing.join(', ')}: apt-get install ${missing.join(' ')} (CI installs them: .ci/run)`);
    // Sessions of an earlier spec belong to its cluster, stopped since.
    sessions.clear();
    mail = await startMailCatcher();
    cluster = await startCluster({
      basePort,
      env: {
        SMTP_URL: `smtp://127.0.0.1:${mail.port}`,
        MAIL_FROM: 'casusregie@veiligheidshuis.example.nl',
        // The sweep each minute (pg-boss cron), so that the suite sees several periods.
        JOBS_CRON_SWEEP: '* * * * *',
      },
    });
    // Mail waiting in the outbox while both instances run the jobs (and restart): each must arrive once.
    await query(
      cluster.directUrl,
      `insert into mail_outbox (dedupe_key, to_email, subject, body_text)
       select 'multi-' || i, 'ontvanger' || i || '@example.org', 'Bericht ' || i, 'Tekst van bericht ' || i from generate_series(1, $1::int) i`,
      [MAILS],
    );
  });

  test.afterAll(async () => {
    await cluster?.stop();
    await mail?.close();
  });
}

/** One sign-in per account for the whole suite, through HAProxy (a TOTP code works once). */
export async function session(email: string): Promise<Session> {
  let signedIn = sessions.get(email);
  if (!signedIn) {
    signedIn = new Session(cluster.url);
    expect(await signedIn.signIn(cluster.url, email, DEMO_PASSWORD), `sign-in of ${email}`).toBe(true);
    sessions.set(email, signedIn);
  }
  return signedIn;
}

export const idsOf = (answer: Answer) => ((answer.body as { items: { id: string }[] }).items ?? []).map((c) => c.id).sort();

export async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}
