import { openRepositoryHarness, type RepositoryHarness } from '../test/repository-harness';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

const scope = {
  vendorId: null,
  documentId: null,
  topic: null,
  minSeverity: 'low' as const,
  includeCosmetic: false,
};

describe('WebhookEndpointRepository (real PostgreSQL)', () => {
  let h: RepositoryHarness;
  let endpoints: WebhookEndpointRepository;
  beforeAll(async () => {
    h = await openRepositoryHarness();
    endpoints = new WebhookEndpointRepository(h.prisma);
  });
  afterAll(() => h.close());

  it('disables an endpoint at the failure threshold with the reason; a success resets the count', async () => {
    const endpoint = await endpoints.create({
      url: 'https://hooks.example/a',
      secret: 'whsec_x',
      description: null,
      scope,
    });
    await endpoints.recordFailure(endpoint.id, 'HTTP 500', 3);
    await endpoints.recordSuccess(endpoint.id);
    expect((await endpoints.findById(endpoint.id))?.consecutiveFailures).toBe(0);
    await endpoints.recordFailure(endpoint.id, 'HTTP 500', 3);
    await endpoints.recordFailure(endpoint.id, 'HTTP 500', 3);
    expect((await endpoints.findById(endpoint.id))?.active).toBe(true);
    const disabled = await endpoints.recordFailure(endpoint.id, 'HTTP 503', 3);
    expect(disabled.active).toBe(false);
    expect(disabled.disabledReason).toMatch(/after 3 consecutive failed deliveries; last: HTTP 503/);
    expect((await endpoints.listActive({ take: 10 })).map((e) => e.id)).not.toContain(endpoint.id);
  });
});
