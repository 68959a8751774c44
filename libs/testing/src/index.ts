export { createTestDatabase, testConfig, type TestDatabase, uniqueQueuePrefix } from './database/test-database';
export { freePort, startRedisServer } from './services/redis-server';
