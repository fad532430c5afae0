import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from './document';

/*
 * The document as integrators' tools read it: Redocly CLI (its recommended rules) and Spectral (the
 * spectral:oas ruleset) must find no error. Both run as their command-line tools from node_modules/.bin,
 * on the document written to a file, as a developer would run them.
 */

const BIN = path.resolve(import.meta.dirname, '../../node_modules/.bin');
// No telemetry and no update check: the suite must not reach the network.
const QUIET = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' };

interface Problem {
  severity: string;
  rule: string;
  where: string;
  message: string;
}

let dir: string;
const VARIANTS = ['http', 'https', 'broken'] as const;
type Variant = (typeof VARIANTS)[number];
const files = {} as Record<Variant, string>;
/** Spectral is slow to start: one run over every file, grouped by file. */
let spectralFindings: Promise<Record<string, Problem[]>>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'casusregie-openapi-'));
  const documents: Record<Variant, unknown> = {
    http: openApiDocument({ secureCookies: false }),
    https: openApiDocument({ secureCookies: true, baseUrl: 'https://casusregie.example.nl' }),
    // No info, no servers: both linters must call this an error, or the checks below prove nothing.
    broken: { openapi: '3.1.0', paths: {} },
  };
  for (const variant of VARIANTS) {
    files[variant] = path.join(dir, `openapi-${variant}.json`);
    await writeFile(files[variant], JSON.stringify(documents[variant], null, 2));
  }
  await writeFile(path.join(dir, 'spectral.yaml'), 'extends: ["spectral:oas"]\n');
  spectralFindings = spectral(VARIANTS.map((v) => files[v]));
  spectralFindings.catch(() => undefined);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs a linter; a non-zero exit with a report is a finding, not a crash. */
async function run(tool: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(path.join(BIN, tool), args, { cwd: dir, env: QUIET, timeout: 90_000, maxBuffer: 32 << 20 });
    return stdout;
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    if (stdout?.trim()) return stdout;
    throw new Error(`${tool} failed: ${stderr ?? String(error)}`);
  }
}

async function redocly(file: string): Promise<Problem[]> {
  const report = JSON.parse(await run('redocly', ['lint', '--format=json', file])) as {
    problems: { ruleId: string; severity: string; message: string; location: { pointer: string }[] }[];
  };
  return report.problems.map((p) => ({ severity: p.severity, rule: p.ruleId, where: p.location[0]?.pointer ?? '', message: p.message }));
}

const SPECTRAL_SEVERITY = ['error', 'warn', 'info', 'hint'];

async function spectral(paths: string[]): Promise<Record<string, Problem[]>> {
  const report = JSON.parse(
    await run('spectral', ['lint', '--ruleset', path.join(dir, 'spectral.yaml'), '--format', 'json', '--quiet', ...paths]),
  ) as { code: string; severity: number; message: string; path: string[]; source: string }[];
  const byFile: Record<string, Problem[]> = Object.fromEntries(paths.map((p) => [p, []]));
  for (const p of report) {
    byFile[p.source]?.push({ severity: SPECTRAL_SEVERITY[p.severity] ?? String(p.severity), rule: p.code, where: p.path.join('.'), message: p.message });
  }
  return byFile;
}

const errors = (problems: Problem[]) => problems.filter((p) => p.severity === 'error');

describe('the OpenAPI document in the linters', () => {
  it.each(['http', 'https'] as const)('passes redocly lint (recommended rules) without errors, %s variant', async (variant) => {
    expect(errors(await redocly(files[variant]))).toEqual([]);
  }, 90_000);

  it.each(['http', 'https'] as const)('passes spectral lint (spectral:oas) without errors, %s variant', async (variant) => {
    expect(errors((await spectralFindings)[files[variant]]!)).toEqual([]);
  }, 90_000);

  it('is checked by linters that do report errors', async () => {
    expect(errors(await redocly(files.broken)).map((p) => p.rule)).toContain('no-empty-servers');
    expect(errors((await spectralFindings)[files.broken]!).length).toBeGreaterThan(0);
  }, 90_000);
});
