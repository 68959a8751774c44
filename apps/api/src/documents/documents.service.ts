import { Inject, Injectable } from '@nestjs/common';
import { type z } from 'zod';

import { APP_CONFIG, type Env } from '@fineprint/config';
import {
  canMoveVersion,
  type createDocumentSchema,
  isFlip,
  type listDocumentsQuery,
  slugify,
  type updateDocumentSchema,
} from '@fineprint/contracts';
import {
  decodeSnapshotBody,
  DocumentRepository,
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
    await assertPublicUrl(this.config, 'url', input.url);
    const vendorSlug = slugify(input.vendor);
    const vendor =
      (await this.vendors.findBySlug(vendorSlug)) ??
      (await this.vendors.upsertBySlug(vendorSlug, input.vendorName ?? input.vendor));
    let slug = slugify(input.title);
    for (let n = 2; await this.slugTaken(vendor.id, slug); n++) slug = `${slugify(input.title)}-${n}`;
    const created = await this.documents.create({
      vendorId: vendor.id,
      slug,
      title: input.title,
      type: input.type,
      url: input.url,
      select: input.select ?? [],
      remove: input.remove ?? [],
      fetchMode: input.fetch,
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

  async update(id: string, input: z.output<typeof updateDocumentSchema>) {
    await this.get(id);
    if (input.url !== undefined) await assertPublicUrl(this.config, 'url', input.url);
    await this.documents.update(id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.url !== undefined ? { url: input.url } : {}),
      ...(input.type !== undefined ? { type: input.type } : {}),
      ...(input.select !== undefined ? { select: input.select } : {}),
      ...(input.remove !== undefined ? { remove: input.remove } : {}),
      ...(input.fetch !== undefined ? { fetchMode: input.fetch } : {}),
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
