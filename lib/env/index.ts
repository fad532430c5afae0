import { parseEnv, type Env } from './schema';

let cached: Env | undefined;

/** The parsed environment, read once per process (lazily, so `next build` needs no runtime settings). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

export function isEmbedded(): boolean {
  return !env().DATABASE_URL;
}
