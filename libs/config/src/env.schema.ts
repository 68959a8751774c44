import { z } from 'zod';

const booleanFromString = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const postgresUrl = z
  .string()
  .url()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must be a postgres:// or postgresql:// URL');

/** Development defaults of the two secrets: fine on a laptop, refused in production. */
export const DEVELOPMENT_SECRETS = {
  ADMIN_TOKEN: 'change-me-admin-token',
  SECRET_KEY: 'insecure-development-secret-key',
} as const;

/**
 * The default of VARIANT_WINDOW_DAYS, also used by `fineprint replay` and the evaluations:
 * a month, the span of the usual A/B test (two to four weeks) and twice the longest run of one
 * variant in the real alternating pages (decision 0023).
 */
export const DEFAULT_VARIANT_WINDOW_DAYS = 30;

/** The shortest secret production accepts (a 32-byte random value in base64 is 44). */
export const PRODUCTION_SECRET_MIN_LENGTH = 32;

/**
 * The one environment schema of Fineprint. Every default works on a development
 * machine with PostgreSQL and Redis on 127.0.0.1; with NODE_ENV=production the
 * development secrets (and short ones) are refused, so an instance cannot go live with them.
 */
const envObject = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: postgresUrl.default('postgresql://postgres@127.0.0.1:5432/test'),
  /**
   * Connections each process may open to PostgreSQL. Size it so that every API and worker
   * process together stay under the server's max_connections (100 by default).
   */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  /** Unset or empty: BullMQ runs on its PostgreSQL backend (the embedded default). Set it for production. */
  REDIS_URL: z
    .string()
    .refine(
      (value) => value === '' || /^rediss?:\/\//.test(value),
      'must be a redis:// or rediss:// URL, or empty',
    )
    .default(''),
  /** Prefix for queue keys, so several Fineprints (or test runs) can share one Redis. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-zA-Z0-9_-]+$/, 'letters, digits, - and _ only')
    .default('fineprint'),
  PUBLIC_URL: z.string().url().default('http://127.0.0.1:3000'),
  ADMIN_TOKEN: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_SECRETS.ADMIN_TOKEN),
  /** Key for the tokens in confirmation and unsubscribe links (HMAC). */
  SECRET_KEY: z.string().min(16, 'must be at least 16 characters').default(DEVELOPMENT_SECRETS.SECRET_KEY),
  SMTP_URL: z
    .string()
    .refine((value) => /^smtps?:\/\//.test(value), 'must be an smtp:// or smtps:// URL')
    .default('smtp://127.0.0.1:1025'),
  MAIL_FROM: z.string().min(3).default('Fineprint <fineprint@localhost>'),
  CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
  ALLOW_PRIVATE_NETWORKS: booleanFromString.default(false),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Folder of catalog files synced into the database when the worker starts; empty: no sync. */
  CATALOG_DIR: z.string().default(''),
  /** Seconds between two requests to the same host. */
  HOST_SPACING_MS: z.coerce.number().int().min(0).default(1000),
  FETCH_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(10 * 1024 * 1024),
  FETCH_TIMEOUT_MS: z.coerce.number().int().min(100).default(30_000),
  BROWSER_MAX_PAGES: z.coerce.number().int().min(1).default(2),
  FAILING_AFTER: z.coerce.number().int().min(1).default(3),
  /** Delay before the re-check that confirms a new text (issue 8); 0 disables confirmation. */
  CONFIRM_DELAY_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(3 * 60_000),
  /**
   * How long a page may alternate between texts (decision 0023): a text seen as a variant of
   * the current one while the current one is still seen within this many days is a flap,
   * recorded by its check only; a variant becomes the document's text once the current text
   * has not been seen for this long. 0 turns flap detection off.
   */
  VARIANT_WINDOW_DAYS: z.coerce.number().min(0).max(365).default(DEFAULT_VARIANT_WINDOW_DAYS),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).default(5000),
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).default(20),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).default(8),
  /** Deliveries in flight per worker: a receiver that hangs holds one slot, not the queue. */
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).default(50),
  /** How long a worker holds a job before another may take it over if the worker died (BullMQ lock). */
  JOB_LOCK_MS: z.coerce.number().int().min(1000).default(15_000),
  /**
   * Requests per minute one client address may make to the API (reads included); far above
   * what a reader or a feed reader makes. Subscribing has its own, lower limits.
   */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /**
   * How long the API reuses the cheap stamp behind feeds' and the change list's ETags:
   * changes the worker announces appear within this time (writes through the API at once).
   */
  READ_CACHE_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** Run the job schedulers in this process (the worker); the API only enqueues. */
  RUN_SCHEDULERS: booleanFromString.default(true),
});

export const envSchema = envObject.superRefine((env, ctx) => {
  if (env.NODE_ENV !== 'production') return;
  for (const key of ['ADMIN_TOKEN', 'SECRET_KEY'] as const) {
    const value = env[key];
    const problem =
      value === DEVELOPMENT_SECRETS[key]
        ? 'is unset or the development default, which production refuses'
        : value.length < PRODUCTION_SECRET_MIN_LENGTH
          ? `is shorter than ${PRODUCTION_SECRET_MIN_LENGTH} characters, which production refuses`
          : null;
    if (problem)
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `${problem}; set a random value (e.g. \`openssl rand -base64 32\`)`,
      });
  }
});

/** The variables the schema knows (its keys). */
export const ENV_KEYS = Object.keys(envObject.shape) as (keyof z.infer<typeof envObject>)[];

export type Env = z.infer<typeof envObject>;
