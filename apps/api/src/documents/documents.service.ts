import { Inject, Injectable } from '@nestjs/common';
import { type z } from 'zod';

import { APP_CONFIG, type Env } from '@fineprint/config';
import {
  canMoveVersion,
  type createDocumentSchema,
  type DocumentSourceInput,
  type FetchMode,
  isFlip,
  type listDocumentsQuery,
  slugify,
  type updateDocumentSchema,
} from '@fineprint/contracts';
import {
  decodeSnapshotBody,
  DocumentRepository,
  type InputJsonValue,
  SnapshotRepository,
  VendorRepository,
  VersionRepository,
} from '@fineprint/db';
import { analyzeChange, type HunkLine } from '@fineprint/diff';
import { ChangeLifecycleService, DocumentScheduleService } from '@fineprint/pipeline';

import { ApiError, NotFoundError } from '../common/api.errors';
import { assertPublicUrl } from '../common/assert-public-url';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly documents: DocumentRepository,
    private readonly vendors: VendorRepository,
    private readonly versions: VersionRepository,
    private readonly snapshots: SnapshotRepository,
    private readonly schedules: DocumentScheduleService,
    private readonly lifecycle: ChangeLifecycleService,
    @Inject(APP_CONFIG) private readonly config: Env,
  ) {}

  async get(id: string) {
    const doc = await this.documents.findById(id);
    if (!doc) throw new NotFoundError('Document', id);
    return doc;
  }

  list(query: z.output<typeof listDocumentsQuery>) {
    return this.documents.list(
      {
        ...(query.vendor ? { vendorSlug: query.vendor } : {}),
        ...(query.type ? { type: query.type } : {}),
        ...(query.status ? { status: query.status } : {}),
        ...(query.q ? { q: query.q } : {}),
      },
      { take: query.limit + 1, ...(query.cursor ? { cursor: query.cursor } : {}) },
    );
  }

  async create(input: z.output<typeof createDocumentSchema>) {
    // the schema asks for a url or combine sources; a combined document's page is its first source's
    const url = input.url ?? input.combine?.[0]?.url ?? '';
    await assertPublicUrl(this.config, 'url', url);
    await this.assertPublicSources(input.combine);
    const vendorSlug = slugify(input.vendor);
    const vendor =
      (await this.vendors.findBySlug(vendorSlug)) ??
      (await this.vendors.upsertBySlug(vendorSlug, input.vendorName ?? input.vendor));
    let slug = slugify(input.title);
    for (let n = 2; await this.slugTaken(vendor.id, slug); n++) slug = `${slugify(input.title)}-${n}`;
    const select = input.select ?? [];
    const remove = input.remove ?? [];
    const created = await this.documents.create({
      vendorId: vendor.id,
      slug,
      title: input.title,
      type: input.type,
      url,
      select,
      remove,
      fetchMode: input.fetch,
      sources: input.combine
        ? storedSources(input.combine, { select, remove, fetch: input.fetch, filters: [] })
        : null,
      language: input.language ?? null,
      intervalMinutes: input.intervalMinutes,
      active: input.active,
      source: 'api',
    });
    await this.schedules.syncOne(created.id);
    return this.get(created.id);
  }

  private async slugTaken(vendorId: string, slug: string): Promise<boolean> {
    return (await this.documents.findBySlug(vendorId, slug)) !== null;
  }

  /** Every page of a combined document is fetched later: each must be public, like `url`. */
  private async assertPublicSources(combine: DocumentSourceInput[] | null | undefined): Promise<void> {
    for (const [index, source] of (combine ?? []).entries())
      await assertPublicUrl(this.config, `combine.${index}.url`, source.url);
  }

  async update(id: string, input: z.output<typeof updateDocumentSchema>) {
    const existing = await this.get(id);
    if (input.url !== undefined) await assertPublicUrl(this.config, 'url', input.url);
    await this.assertPublicSources(input.combine);
    // sources leaving out select/remove/fetch take the document's, as it is after this update
    const sources =
      input.combine === undefined
        ? undefined
        : input.combine === null
          ? null
          : storedSources(input.combine, {
              select: input.select ?? existing.select,
              remove: input.remove ?? existing.remove,
              fetch: input.fetch ?? existing.fetchMode,
              filters: existing.filters,
            });
    // a document made combined takes its first source as its page unless a url is sent
    const url = input.url ?? (input.combine ? input.combine[0]?.url : undefined);
    await this.documents.update(id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(url !== undefined ? { url } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.select !== undefined ? { select: input.select } : {}),
      ...(input.remove !== undefined ? { remove: input.remove } : {}),
      ...(input.fetch !== undefined ? { fetchMode: input.fetch } : {}),
      ...(sources !== undefined ? { sources } : {}),
      ...(input.intervalMinutes !== undefined ? { intervalMinutes: input.intervalMinutes } : {}),
      ...(input.language !== undefined ? { language: input.language } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
    });
    await this.schedules.syncOne(id);
    return this.get(id);
  }

  async remove(id: string) {
    await this.get(id);
    await this.documents.softDelete(id);
    await this.schedules.syncOne(id);
  }

  async checkNow(id: string) {
    const doc = await this.get(id);
    if (doc.deletedAt) throw new ApiError(409, 'deleted', `Document ${id} was deleted.`);
    return this.schedules.checkNow(id);
  }

  async listVersions(id: string, limit: number, cursor?: string) {
    await this.get(id);
    const beforeSeq = cursor ? Number.parseInt(cursor, 10) : undefined;
    if (cursor && !Number.isFinite(beforeSeq))
      throw new ApiError(400, 'invalid_input', 'cursor: must be a version number');
    return this.versions.listForDocument(id, { take: limit + 1, ...(beforeSeq ? { beforeSeq } : {}) });
  }

  async getVersion(id: string) {
    const version = await this.versions.findById(id);
    if (!version) throw new NotFoundError('Version', id);
    return version;
  }

  /**
   * An operator's verdict that a quarantined version was the real document after all:
   * it becomes `released`, and its change is computed and announced like any other.
   */
  async releaseVersion(id: string) {
    const version = await this.getVersion(id);
    if (!canMoveVersion(version.status, 'release')) {
      throw new ApiError(409, 'not_quarantined', `Version ${id} is ${version.status}, not quarantined.`);
    }
    await this.lifecycle.release(id);
    return this.getVersion(id);
  }

  /**
   * Where an unstable document flips: the diff between the newest revert (or transient)
   * version and the version just before it, so the operator can add a `remove` selector.
   */
  async instability(id: string) {
    const doc = await this.get(id);
    const recent = await this.versions.recentSummaries(id, 20);
    const flip = recent.find((v) => isFlip(v.status));
    const flips = recent.filter((v) => isFlip(v.status)).length;
    if (!flip) return { unstable: doc.unstable, flips, region: [] };
    const [current, previous] = await Promise.all([
      this.versions.findBySeq(id, flip.seq),
      this.versions.findBySeq(id, flip.seq - 1),
    ]);
    if (!current || !previous) return { unstable: doc.unstable, flips, region: [] };
    const { diff } = analyzeChange(previous.text, current.text, { title: doc.title });
    const side = (lines: HunkLine[], kinds: HunkLine['kind'][], skip: 'insert' | 'delete') =>
      lines
        .filter((l) => kinds.includes(l.kind))
        .map((l) =>
          l.ops
            .filter((o) => o.op !== skip)
            .map((o) => o.text)
            .join(''),
        );
    const region = diff.hunks.map((h) => ({
      section: h.section,
      removed: side(h.lines, ['delete', 'change', 'move-from'], 'insert'),
      added: side(h.lines, ['insert', 'change', 'move-to'], 'delete'),
    }));
    return { unstable: doc.unstable, flips, between: [previous.seq, current.seq], region };
  }

  async rawSnapshot(id: string) {
    const snapshot = await this.snapshots.findById(id);
    if (!snapshot) throw new NotFoundError('Snapshot', id);
    return { snapshot, body: decodeSnapshotBody(snapshot) };
  }

  async compare(documentId: string, fromSeq: number, toSeq: number) {
    const doc = await this.get(documentId);
    const [from, to] = await Promise.all([
      this.versionBySeq(documentId, fromSeq),
      this.versionBySeq(documentId, toSeq),
    ]);
    const analysis = analyzeChange(from.text, to.text, { title: doc.title });
    return { document: doc, from, to, analysis };
  }

  private async versionBySeq(documentId: string, seq: number) {
    const version = await this.versions.findBySeq(documentId, seq);
    if (!version) throw new NotFoundError('Version', `${documentId}#${seq}`);
    return version;
  }
}

/**
 * A combined document's pages as the database keeps them (decision 0021): each with its own
 * selectors and fetch mode, or the document's, and the document's filters.
 */
function storedSources(
  combine: DocumentSourceInput[],
  document: { select: string[]; remove: string[]; fetch: FetchMode; filters: unknown },
): InputJsonValue {
  return combine.map((source) => ({
    url: source.url,
    select: source.select ?? document.select,
    remove: source.remove ?? document.remove,
    fetchMode: source.fetch ?? document.fetch,
    filters: (Array.isArray(document.filters) ? document.filters : []) as InputJsonValue[],
  }));
}
