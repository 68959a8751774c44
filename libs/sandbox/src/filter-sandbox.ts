import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';

import { domLibraryJson } from './dom-library';
import { sandboxCommand } from './sandbox-process';
import { FilterError, type FilterErrorCode } from './sandbox.errors';

/** A collection's filter code: the module that exports the filters, and the modules it imports. */
export interface FilterBundle {
  /** File name of the module whose exports are the filters, e.g. `Google.filters.js`. */
  entry: string;
  /** File name → source text, for the entry and every local module it imports. */
  modules: Record<string, string>;
}

export interface SandboxLimits {
  /** CPU-bound time for loading the module and running the filters (default 5 s). */
  timeoutMs: number;
  /** V8 heap of the sandbox process; its address space gets the same again above Node's own. */
  memoryMb: number;
  /** Largest filtered page accepted back (default 32 MB). */
  maxOutputBytes: number;
}

export const DEFAULT_SANDBOX_LIMITS: SandboxLimits = {
  timeoutMs: 5000,
  memoryMb: 256,
  maxOutputBytes: 32 * 1024 * 1024,
};

/** A filter's name, or `{ name: parameters }` (then called as `filter(document, parameters, declaration)`). */
export type FilterSpec = string | Record<string, unknown>;

export interface FilterJob {
  html: string;
  /** Exported filters, run in this order. */
  filters: FilterSpec[];
  bundle: FilterBundle;
  /** What a filter receives as its second argument (OTA: the source document's declaration). */
  declaration?: Record<string, unknown>;
}

/** Time for the process to start and compile the DOM library, on top of the filters' own limit. */
const STARTUP_ALLOWANCE_MS = 10_000;

interface RunnerAnswer {
  ok: boolean;
  html?: string;
  code?: FilterErrorCode;
  message?: string;
}

/**
 * Runs a collection's named filters over a page, in a separate, locked-down Node process
 * (decision 0021), and returns the filtered page's HTML. Each call is a fresh process: no
 * state survives from one page or collection to the next.
 */
export function runFilters(job: FilterJob, limits: Partial<SandboxLimits> = {}): Promise<string> {
  const { timeoutMs, memoryMb, maxOutputBytes } = { ...DEFAULT_SANDBOX_LIMITS, ...limits };
  // the DOM library is already JSON (built once): spliced in rather than parsed and re-encoded
  const input = `{"timeoutMs":${timeoutMs},"dom":${domLibraryJson()},${JSON.stringify({
    html: job.html,
    filters: job.filters,
    bundle: job.bundle,
    declaration: job.declaration ?? {},
  }).slice(1)}`;
  const { command, args } = sandboxCommand(memoryMb);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: {}, cwd: tmpdir(), stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let stopped: FilterError | null = null;
    const stop = (error: FilterError) => {
      stopped ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        stop(
          new FilterError(
            'TIMEOUT',
            `the sandbox was killed after ${timeoutMs + STARTUP_ALLOWANCE_MS} ms of wall-clock time`,
          ),
        ),
      timeoutMs + STARTUP_ALLOWANCE_MS,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxOutputBytes + 1024)
        stop(new FilterError('OUTPUT_TOO_LARGE', `the filtered page is larger than ${maxOutputBytes} bytes`));
      else chunks.push(chunk);
    });
    child.stdin.on('error', () => undefined); // the process may die before reading it all
    child.on('error', (cause) => {
      clearTimeout(timer);
      reject(new FilterError('SANDBOX_ERROR', 'the sandbox process could not start', { cause }));
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (stopped) return reject(stopped);
      if (signal === 'SIGABRT' || signal === 'SIGTRAP' || signal === 'SIGSEGV')
        return reject(
          new FilterError(
            'MEMORY_LIMIT',
            `the filters ran out of memory (limit ${memoryMb} MB) and were stopped`,
          ),
        );
      let answer: RunnerAnswer;
      try {
        answer = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RunnerAnswer;
      } catch {
        return reject(
          new FilterError('SANDBOX_ERROR', `the sandbox ended without an answer (exit ${code ?? signal})`),
        );
      }
      if (answer.ok && typeof answer.html === 'string') return resolve(answer.html);
      reject(new FilterError(answer.code ?? 'SANDBOX_ERROR', answer.message ?? 'the filters failed'));
    });
    child.stdin.end(input);
  });
}

/**
 * The extractor's `filters` hook for one document: page HTML in, filtered HTML out, the
 * collection's code run in the sandbox.
 */
export function createFilterHook(
  bundle: FilterBundle,
  filters: FilterSpec[],
  declaration: Record<string, unknown> = {},
  limits: Partial<SandboxLimits> = {},
): (html: string) => Promise<string> {
  return (html: string) => runFilters({ html, filters, bundle, declaration }, limits);
}
