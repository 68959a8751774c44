import { type AddressInfo } from 'node:net';

import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  url: string;
  messages: ParsedMail[];
  waitFor(predicate: (m: ParsedMail) => boolean, timeoutMs?: number): Promise<ParsedMail>;
  /** Waits until exactly `n` messages (or more) matched, then a little longer to catch extras. */
  waitForCount(predicate: (m: ParsedMail) => boolean, n: number, timeoutMs?: number): Promise<ParsedMail[]>;
  clear(): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 that keeps every message, parsed with mailparser. */
export async function startSmtpSink(options: { port?: number; parse?: boolean } = {}): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiters = new Set<() => void>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      if (options.parse === false) {
        stream.on('data', () => undefined);
        stream.on('end', () => {
          messages.push({} as ParsedMail);
          for (const w of waiters) w();
          callback();
        });
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const w of waiters) w();
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  // a client that vanishes (a killed worker) resets its connection: not the sink's failure
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  const waitForCount = (predicate: (m: ParsedMail) => boolean, n: number, timeoutMs = 15_000) =>
    new Promise<ParsedMail[]>((resolve, reject) => {
      const check = () => {
        const found = messages.filter(predicate);
        if (found.length >= n) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(
          new Error(
            `expected ${n} matching message(s) within ${timeoutMs} ms, got ${messages.filter(predicate).length}`,
          ),
        );
      }, timeoutMs);
      waiters.add(check);
      check();
    });
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    waitFor: async (predicate, timeoutMs) => (await waitForCount(predicate, 1, timeoutMs))[0] as ParsedMail,
    waitForCount,
    clear: () => void messages.splice(0),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
