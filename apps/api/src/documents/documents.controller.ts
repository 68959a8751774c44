import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  Patch,
  Post,
  Query,
  Res,
  UseGuards,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiBody,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { type Response } from 'express';
import { type z } from 'zod';

import { APP_CONFIG, type Env } from '@fineprint/config';
import {
  compareQuery,
  type createDocumentSchema,
  documentInputSchemas,
  listDocumentsQuery,
  listVersionsQuery,
  type updateDocumentSchema,
} from '@fineprint/contracts';
import { renderHtmlInline, renderHtmlSideBySide, renderUnified } from '@fineprint/diff';
import { cssSelectorProblem } from '@fineprint/scraper';

import { AdminGuard } from '../common/admin.guard';
import { IdPipe } from '../common/id.pipe';
import { toPage } from '../common/page';
import { ZodValidationPipe } from '../common/zod-validation.pipe';
import {
  createDocumentBodySchema,
  documentPageSchema,
  documentViewSchema,
  updateDocumentBodySchema,
} from './document.openapi';
import { presentDocument, presentVersion } from './document.presenter';
import { DocumentsService } from './documents.service';

/**
 * Document bodies with every CSS selector (plain, or a range's bound) parsed by the
 * extractor's own parser: what is accepted here cannot fail a check as an invalid selector.
 */
const documentBodies = documentInputSchemas(cssSelectorProblem);

const uuid = new IdPipe('Document');
const versionId = new IdPipe('Version');
const snapshotId = new IdPipe('Snapshot');

@ApiTags('documents')
@Controller('api/v1')
export class DocumentsController {
  constructor(
    private readonly service: DocumentsService,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  @Get('documents')
  @ApiOperation({ summary: 'Tracked documents; filter by vendor, type, status; search titles with q' })
  @ApiOkResponse({ schema: documentPageSchema })
  async list(@Query(new ZodValidationPipe(listDocumentsQuery)) query: z.output<typeof listDocumentsQuery>) {
    const rows = await this.service.list(query);
    return toPage(rows, query.limit, (d) => d.id, presentDocument);
  }

  @Get('documents/:id')
  @ApiOperation({
    summary:
      'One document with status, lastCheckedAt and lastChangedAt; its declaration (selectors, combined pages, filters, filters pending opt-in)',
  })
  @ApiOkResponse({ schema: documentViewSchema })
  async get(@Param('id', uuid) id: string) {
    return presentDocument(await this.service.get(id));
  }

  @Post('documents')
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Track a new document (admin): one page, or several pages as one document (combine); CSS or range selectors, each checked to parse',
  })
  @ApiBody({ schema: createDocumentBodySchema })
  @ApiCreatedResponse({ schema: documentViewSchema })
  async create(
    @Body(new ZodValidationPipe(documentBodies.create)) body: z.output<typeof createDocumentSchema>,
  ) {
    return presentDocument(await this.service.create(body));
  }

  @Patch('documents/:id')
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Change a document: selectors, combined pages (combine: null for one page), interval, pause with active=false (admin)',
  })
  @ApiBody({ schema: updateDocumentBodySchema })
  @ApiOkResponse({ schema: documentViewSchema })
  async update(
    @Param('id', uuid) id: string,
    @Body(new ZodValidationPipe(documentBodies.update)) body: z.output<typeof updateDocumentSchema>,
  ) {
    return presentDocument(await this.service.update(id, body));
  }

  @Delete('documents/:id')
  @HttpCode(204)
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Stop tracking a document; its history is kept (admin)' })
  async remove(@Param('id', uuid) id: string): Promise<void> {
    await this.service.remove(id);
  }

  @Post('documents/:id/check')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Check now; a second request while one is queued adds nothing (admin)' })
  async checkNow(@Param('id', uuid) id: string) {
    return this.service.checkNow(id);
  }

  @Get('documents/:id/versions')
  @ApiOperation({ summary: 'Versions of a document, newest first (metadata; cursor = a version number)' })
  async versions(
    @Param('id', uuid) id: string,
    @Query(new ZodValidationPipe(listVersionsQuery)) query: z.output<typeof listVersionsQuery>,
  ) {
    const rows = await this.service.listVersions(id, query.limit, query.cursor);
    return toPage(
      rows,
      query.limit,
      (v) => String(v.seq),
      (v) => presentVersion(v, this.config.PUBLIC_URL),
    );
  }

  @Get('documents/:id/compare')
  @ApiOperation({ summary: 'Compare any two versions of a document (by version number)' })
  async compare(
    @Param('id', uuid) id: string,
    @Query(new ZodValidationPipe(compareQuery)) query: z.output<typeof compareQuery>,
  ) {
    const { from, to, analysis } = await this.service.compare(id, query.from, query.to);
    return {
      from: presentVersion(from, this.config.PUBLIC_URL),
      to: presentVersion(to, this.config.PUBLIC_URL),
      summary: analysis.summary,
      severity: analysis.classification.severity,
      tags: analysis.classification.tags,
      stats: analysis.diff.stats,
      diff: analysis.diff,
      rendered: {
        unified: renderUnified(analysis.diff),
        inline: renderHtmlInline(analysis.diff, analysis.classification),
        sideBySide: renderHtmlSideBySide(analysis.diff, analysis.classification),
      },
    };
  }

  @Get('documents/:id/instability')
  @ApiOperation({ summary: 'How often the document flips between texts, and the region that flips' })
  async instability(@Param('id', uuid) id: string) {
    return this.service.instability(id);
  }

  @Post('versions/:id/release')
  @HttpCode(202)
  @UseGuards(AdminGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Release a quarantined version that was real: its change is computed and announced (admin)',
  })
  async release(@Param('id', versionId) id: string) {
    return presentVersion(await this.service.releaseVersion(id), this.config.PUBLIC_URL);
  }

  @Get('versions/:id')
  @ApiOperation({ summary: 'One version with its text' })
  async version(@Param('id', versionId) id: string) {
    return presentVersion(await this.service.getVersion(id), this.config.PUBLIC_URL);
  }

  @Get('versions/:id/text')
  @ApiOperation({ summary: 'The extracted text of a version (Markdown)' })
  async versionText(@Param('id', versionId) id: string, @Res() res: Response): Promise<void> {
    const version = await this.service.getVersion(id);
    res.type('text/markdown; charset=utf-8').send(version.text);
  }

  @Get('snapshots/:id/raw')
  @ApiOperation({ summary: 'The raw page as fetched (download)' })
  async raw(@Param('id', snapshotId) id: string, @Res() res: Response): Promise<void> {
    const { snapshot, body } = await this.service.rawSnapshot(id);
    res.setHeader('content-type', snapshot.contentType ?? 'application/octet-stream');
    res.setHeader('content-disposition', `attachment; filename="snapshot-${snapshot.id}"`);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('content-security-policy', "default-src 'none'; sandbox");
    res.send(body);
  }
}
