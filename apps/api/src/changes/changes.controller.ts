import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type z } from 'zod';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { LISTED_CHANGE_STATES, listChangesQuery } from '@fineprint/contracts';
import { ChangeRepository } from '@fineprint/db';

import { NotFoundError } from '../common/api.errors';
import { IdPipe } from '../common/id.pipe';
import { toPage } from '../common/page';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import { presentChange } from './change.presenter';

@ApiTags('changes')
@Controller('api/v1/changes')
export class ChangesController {
  constructor(
    private readonly changes: ChangeRepository,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  @Get()
  @ApiOperation({
    summary:
      'Changes, newest first: filter by documentId, vendor, topic, kind, severity, minSeverity, from, to',
  })
  async list(@Query(new ZodValidationPipe(listChangesQuery)) query: z.output<typeof listChangesQuery>) {
    const rows = await this.changes.list(
      {
        ...(query.documentId ? { documentId: query.documentId } : {}),
        ...(query.vendor ? { vendorSlug: query.vendor } : {}),
        ...(query.topic ? { topic: query.topic } : {}),
        ...(query.kind ? { kind: query.kind } : {}),
        ...(query.severity ? { severity: query.severity } : {}),
        ...(query.minSeverity ? { minSeverity: query.minSeverity } : {}),
        ...(query.from ? { from: query.from } : {}),
        ...(query.to ? { to: query.to } : {}),
        ...(query.includeSuppressed === 'true' ? {} : { states: [...LISTED_CHANGE_STATES] }),
      },
      { take: query.limit + 1, ...(query.cursor ? { cursor: query.cursor } : {}) },
    );
    return toPage(
      rows,
      query.limit,
      (c) => c.id,
      (c) => presentChange(c, this.config.PUBLIC_URL, { withDiff: false }),
    );
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
