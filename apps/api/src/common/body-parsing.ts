import { type NestExpressApplication } from '@nestjs/platform-express';
import express, { type NextFunction, type Request, type Response } from 'express';

/** The largest JSON body the API reads; a larger one is a 413. */
export const JSON_BODY_LIMIT = '100kb';
/** Forms are only the subscription pages' buttons and RFC 8058 one-click posts. */
const FORM_BODY_LIMIT = '8kb';

const JSON_TYPES = ['application/json', 'application/*+json'];
const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * A body the API cannot read is refused before any handler runs: a media type other
 * than JSON or a form, or a charset other than UTF-8 (utf-7 once slipped through as
 * JSON), is a 415; an empty or absent body passes (check-now, ping).
 */
function mediaTypeGate(req: Request, res: Response, next: NextFunction): void {
  const length = req.headers['content-length'];
  const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
  if (!hasBody) return next();
  const type = req.headers['content-type'];
  if (!type) return refuse(res, 'A body needs Content-Type: application/json.');
  const [mediaType = '', ...params] = type.split(';').map((p) => p.trim().toLowerCase());
  const isJson = mediaType === 'application/json' || /^application\/[a-z0-9.+-]+\+json$/.test(mediaType);
  if (!isJson && mediaType !== FORM_TYPE)
    return refuse(res, `Content-Type ${mediaType} is not accepted: send application/json.`);
  const charset = params
    .find((p) => p.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/^"|"$/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8')
    return refuse(res, `Charset ${charset.slice(0, 40)} is not accepted: send UTF-8.`);
  next();
}

function refuse(res: Response, message: string): void {
  res.status(415).json({ error: 'unsupported_media_type', message });
}

/** Body parsing with the gate above; parser errors reach the exception filter as 4xx. */
export function installBodyParsing(app: NestExpressApplication): void {
  app.use(mediaTypeGate);
  app.use(express.json({ limit: JSON_BODY_LIMIT, type: JSON_TYPES, strict: true }));
  app.use(
    express.urlencoded({ limit: FORM_BODY_LIMIT, type: FORM_TYPE, extended: false, parameterLimit: 20 }),
  );
}
