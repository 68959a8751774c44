import { ConfigError } from './config.errors';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives defaults that work on a development machine', () => {
    const config = loadConfig({});
    expect(config.DATABASE_URL).toBe('postgresql://postgres@127.0.0.1:5432/test');
    expect(config.REDIS_URL).toBe('');
    expect(config.ALLOW_PRIVATE_NETWORKS).toBe(false);
    expect(config.PORT).toBe(3000);
  });

  it('parses booleans and numbers', () => {
    const config = loadConfig({ ALLOW_PRIVATE_NETWORKS: 'true', PORT: '8080' });
    expect(config.ALLOW_PRIVATE_NETWORKS).toBe(true);
    expect(config.PORT).toBe(8080);
  });

  it('keeps an empty REDIS_URL: it selects the PostgreSQL queue backend', () => {
    expect(loadConfig({ REDIS_URL: '' }).REDIS_URL).toBe('');
  });

  it('names every bad variable in one clear error', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', ALLOW_PRIVATE_NETWORKS: 'perhaps' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('PORT');
    expect(message).toContain('DATABASE_URL');
    expect(message).toContain('ALLOW_PRIVATE_NETWORKS');
    expect((error as ConfigError).issues.map((i) => i.variable).sort()).toEqual([
      'ALLOW_PRIVATE_NETWORKS',
      'DATABASE_URL',
      'PORT',
    ]);
  });
});

describe('loadConfig in production', () => {
  const strong = { ADMIN_TOKEN: 'a'.repeat(40), SECRET_KEY: 'b'.repeat(40) };

  it('refuses the development ADMIN_TOKEN and SECRET_KEY, naming each on one line', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const lines = (error as ConfigError).message.split('\n');
    expect(lines.find((l) => l.includes('ADMIN_TOKEN'))).toMatch(/ADMIN_TOKEN: .*development default/);
    expect(lines.find((l) => l.includes('SECRET_KEY'))).toMatch(/SECRET_KEY: .*development default/);
  });

  it('refuses short secrets without printing them', () => {
    let error: unknown;
    try {
      loadConfig({ NODE_ENV: 'production', ADMIN_TOKEN: 'sixteen-chars-ok', SECRET_KEY: strong.SECRET_KEY });
    } catch (e) {
      error = e;
    }
    expect((error as ConfigError).issues.map((i) => i.variable)).toEqual(['ADMIN_TOKEN']);
    expect((error as ConfigError).message).toMatch(/ADMIN_TOKEN: is shorter than 32/);
    expect((error as ConfigError).message).not.toContain('sixteen-chars-ok');
  });

  it('starts with strong secrets, and keeps the development defaults outside production', () => {
    expect(loadConfig({ NODE_ENV: 'production', ...strong }).ADMIN_TOKEN).toBe(strong.ADMIN_TOKEN);
    expect(loadConfig({ NODE_ENV: 'development' }).ADMIN_TOKEN).toBe('change-me-admin-token');
  });
});
