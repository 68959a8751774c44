export { applyMigrationsToSchema, MIGRATIONS_DIR } from './apply-migrations';
export { createPrismaClient, parseDatabaseUrl, type PrismaClientOptions } from './prisma-client.factory';
export { PrismaService } from './prisma.service';
