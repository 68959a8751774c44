import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Request, type Response } from 'express';

import { APP_CONFIG, type Env } from '@fineprint/config';
import { ANNOUNCED_CHANGE_STATES, isTopic } from '@fineprint/contracts';
import { type ChangeFilter, ChangeRepository, VendorRepository } from '@fineprint/db';
import { FEED_CONTENT_TYPES, type FeedFormat, renderFeed, toChangeNotification } from '@fineprint/notify';

import { ApiError, NotFoundError } from '../common/api.errors';
import { IdPipe } from '../common/id.pipe';
import { ReadCache } from '../common/read-cache';

const FORMATS = new Set<FeedFormat>(['rss', 'atom', 'json']);
const fixed = (filter: ChangeFilter, title: string) => () => Promise.resolve({ filter, title });
const ITEMS = 50;

/**
 * RSS 2.0, Atom 1.0 and JSON Feed of announced changes: all, per vendor, per document,
 * per topic. Cosmetic edits only with ?includeCosmetic=true. Conditional GETs (ETag,
 * Last-Modified) answer 304 from a cheap stamp, before any reading or rendering.
 */
@ApiTags('feeds')
@Controller('feeds')
export class FeedsController {
  constructor(
    private readonly changes: ChangeRepository,
    private readonly vendors: VendorRepository,
    private readonly cache: ReadCache,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  @Get('changes.:format')
  @ApiOperation({ summary: 'All announced changes (format: rss, atom or json)' })
  all(@Param('format') format: string, @Req() req: Request, @Res() res: Response) {
    return this.serve(format, fixed({}, 'all changes'), 'all', req, res);
  }

  @Get('vendors/:slug.:format')
  @ApiOperation({ summary: 'Announced changes of one vendor' })
  vendor(
    @Param('slug') slug: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    // the vendor is looked up with the stamp (reused with it), not on every request
    const selection = async () => {
      const vendor = await this.vendors.findBySlug(slug);
      if (!vendor) throw new NotFoundError('Vendor', slug);
      return { filter: { vendorId: vendor.id }, title: `changes by ${vendor.name}` };
    };
    return this.serve(format, selection, `vendor:${slug}`, req, res);
  }

  @Get('documents/:id.:format')
  @ApiOperation({ summary: 'Announced changes of one document' })
  document(
    @Param('id', new IdPipe('Document')) id: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    return this.serve(
      format,
      fixed({ documentId: id }, 'changes to one document'),
      `document:${id}`,
      req,
      res,
    );
  }

  @Get('topics/:topic.:format')
  @ApiOperation({ summary: 'Announced changes about one topic (voice-recordings, ai-training, …)' })
  topic(
    @Param('topic') topic: string,
    @Param('format') format: string,
    @Req() req: Request,
    @Res() res: Response,
  ) {
    if (!isTopic(topic)) throw new NotFoundError('Topic', topic);
    return this.serve(
      format,
      fixed({ topic }, `changes about ${topic.replace(/-/g, ' ')}`),
      `topic:${topic}`,
      req,
      res,
    );
  }

  private async serve(
    format: string,
    selection: () => Promise<{ filter: ChangeFilter; title: string }>,
    key: string,
    req: Request,
    res: Response,
  ): Promise<void> {
    if (!FORMATS.has(format as FeedFormat))
      throw new ApiError(404, 'not_found', `No feed format "${format}": use rss, atom or json.`);
    const f = format as FeedFormat;
    const withCosmetic = req.query['includeCosmetic'] === 'true';
    const announced = async () => {
      const { filter, title } = await selection();
      return {
        title,
        filter: {
          ...filter,
          states: [...ANNOUNCED_CHANGE_STATES],
          includeCosmetic: withCosmetic,
        } as ChangeFilter,
      };
    };
    // the ETag comes from a cheap stamp, so a reader's conditional GET is a 304 before the
    // changes are read or the feed rendered; a feed rendered for the same stamp is reused
    await this.cache.serve(req, res, {
      key: `feed:${f}:${key}:${withCosmetic ? 'cosmetic' : 'plain'}`,
      cacheControl: 'public, max-age=60',
      stamp: async () => {
        const { filter } = await announced();
        const { stamp, newest } = await this.changes.listStamp(filter, { take: ITEMS });
        const lastModified = new Date(newest ?? 0);
        lastModified.setMilliseconds(0);
        return { stamp, lastModified };
      },
      render: async () => {
        const { filter, title } = await announced();
        const rows = await this.changes.list(filter, { take: ITEMS });
        const items = rows.map((c) => toChangeNotification(c, this.config.PUBLIC_URL));
        const body = renderFeed(
          f,
          {
            title: `Fineprint: ${title}`,
            id: `tag:fineprint,2026:feed:${key}`,
            selfUrl: `${this.config.PUBLIC_URL}${req.path}`,
            siteUrl: `${this.config.PUBLIC_URL}/`,
          },
          items,
        );
        return { type: FEED_CONTENT_TYPES[f], body };
      },
    });
  }
}
