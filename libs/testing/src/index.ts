export { createTestDatabase, testConfig, type TestDatabase, uniqueQueuePrefix } from './database/test-database';
