import { ConfigError } from './config.errors';
import { ENV_KEYS, type Env, envSchema } from './env.schema';

/** Variables whose values never appear in an error message. */
const SECRET_KEYS = new Set(['ADMIN_TOKEN', 'SECRET_KEY', 'DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);

/**
 * Validates an environment (by default `process.env`) against the schema.
 * Empty strings count as unset, except REDIS_URL where empty means "no Redis".
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Env {
  const input: Record<string, string> = {};
  for (const key of ENV_KEYS) {
    const value = source[key];
    if (value === undefined) continue;
    if (value === '' && key !== 'REDIS_URL' && key !== 'CATALOG_DIR') continue;
    input[key] = value;
  }
  const parsed = envSchema.safeParse(input);
  if (parsed.success) return Object.freeze(parsed.data);
  const issues = parsed.error.issues.map((issue) => ({
    variable: issue.path.join('.') || '(environment)',
    problem: issue.message,
  }));
  const lines = issues.map((i) =>
    SECRET_KEYS.has(i.variable)
      ? `  ${i.variable}: ${i.problem}`
      : `  ${i.variable}: ${i.problem} (got ${JSON.stringify(source[i.variable] ?? null)})`,
  );
  throw new ConfigError(`Invalid environment:\n${lines.join('\n')}`, issues);
}
