import { Controller, Get, Inject, Param, Query, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';
import { type z } from 'zod';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { LISTED_CHANGE_STATES, listChangesQuery } from '@fineprint/contracts';
import { type ChangeFilter, ChangeRepository } from '@fineprint/db';

import { NotFoundError } from '../common/api.errors';
import { IdPipe } from '../common/id.pipe';
import { toPage } from '../common/page';
import { ReadCache } from '../common/read-cache';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { presentChange } from './change.presenter';

@ApiTags('changes')
@Controller('api/v1/changes')
export class ChangesController {
  constructor(
    private readonly changes: ChangeRepository,
    private readonly cache: ReadCache,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Changes, newest first: filter by documentId, vendor, topic, kind, severity, minSeverity, from, to',
  })
  async list(
    @Query(new ZodValidationPipe(listChangesQuery)) query: z.output<typeof listChangesQuery>,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const filter: ChangeFilter = {
      ...(query.documentId ? { documentId: query.documentId } : {}),
      ...(query.vendor ? { vendorSlug: query.vendor } : {}),
      ...(query.topic ? { topic: query.topic } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
      ...(query.severity ? { severity: query.severity } : {}),
      ...(query.minSeverity ? { minSeverity: query.minSeverity } : {}),
      ...(query.from ? { from: query.from } : {}),
      ...(query.to ? { to: query.to } : {}),
      ...(query.includeSuppressed === 'true' ? {} : { states: [...LISTED_CHANGE_STATES] }),
    };
    const page = { take: query.limit + 1, ...(query.cursor ? { cursor: query.cursor } : {}) };
    // conditional GETs are answered from a cheap stamp of the page (ETag); a page already
    // rendered for the same stamp is sent again
    await this.cache.serve(req, res, {
      key: `changes:${JSON.stringify(query)}`,
      cacheControl: 'no-cache',
      stamp: async () => ({ stamp: (await this.changes.listStamp(filter, page)).stamp }),
      render: async () => {
        const rows = await this.changes.list(filter, page);
        const body = toPage(
          rows,
          query.limit,
          (c) => c.id,
          (c) => presentChange(c, this.config.PUBLIC_URL, { withDiff: false }),
        );
        return { type: 'application/json; charset=utf-8', body: JSON.stringify(body) };
      },
    });
  }

  @Get(':id')
  @ApiOperation({
    summary: 'One change with its summary, severity, tags with cited sentences, stats and diff',
  })
  async get(@Param('id', new IdPipe('Change')) id: string) {
    const change = await this.changes.findById(id);
    if (!change) throw new NotFoundError('Change', id);
    return presentChange(change, this.config.PUBLIC_URL, { withDiff: true });
  }
}
