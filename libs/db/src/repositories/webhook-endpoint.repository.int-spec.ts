import { TEST_SCOPE as scope, useRepository } from '../test/repository-harness';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

describe('WebhookEndpointRepository (real PostgreSQL)', () => {
  const t = useRepository((prisma) => new WebhookEndpointRepository(prisma));

  it('disables an endpoint at the failure threshold with the reason; a success resets the count', async () => {
    const endpoint = await t.repo.create({
      url: 'https://hooks.example/a',
      secret: 'whsec_x',
      description: null,
      scope,
    });
    await t.repo.recordFailure(endpoint.id, 'HTTP 500', 3);
    await t.repo.recordSuccess(endpoint.id);
    expect((await t.repo.findById(endpoint.id))?.consecutiveFailures).toBe(0);
    await t.repo.recordFailure(endpoint.id, 'HTTP 500', 3);
    await t.repo.recordFailure(endpoint.id, 'HTTP 500', 3);
    expect((await t.repo.findById(endpoint.id))?.active).toBe(true);
    const disabled = await t.repo.recordFailure(endpoint.id, 'HTTP 503', 3);
    expect(disabled.active).toBe(false);
    expect(disabled.disabledReason).toMatch(/after 3 consecutive failed deliveries; last: HTTP 503/);
    expect((await t.repo.listActive({ take: 10 })).map((e) => e.id)).not.toContain(endpoint.id);
  });
});
