import { createDocumentSchema, listDocumentsQuery } from './api-inputs.schema';
import { slugify } from './slugify';
import { meetsSeverity, SEVERITIES, severityAtLeast, toDocumentType } from './vocabulary';

describe('the vocabulary', () => {
  it('orders severities once', () => {
    expect(severityAtLeast('medium')).toEqual(['medium', 'high']);
    expect(severityAtLeast('cosmetic')).toHaveLength(SEVERITIES.length);
    expect(meetsSeverity('high', 'low')).toBe(true);
    expect(meetsSeverity('low', 'medium')).toBe(false);
  });

  it('spells document types one way and takes the catalog spelling as an alias', () => {
    expect(toDocumentType('help-article')).toBe('help_article');
    expect(toDocumentType('privacy_notice')).toBe('privacy_notice');
    expect(toDocumentType('blog')).toBeNull();
    const input = { vendor: 'Acme', title: 'Help', url: 'https://acme.example/help' };
    expect(createDocumentSchema.parse({ ...input, type: 'help-article' }).type).toBe('help_article');
    expect(listDocumentsQuery.parse({ type: 'cookie-policy' }).type).toBe('cookie_policy');
    const bad = createDocumentSchema.safeParse({ ...input, type: 'blog' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toMatch(
      /privacy_notice, terms, help_article, faq, cookie_policy, other/,
    );
  });

  it('slugifies names and titles once', () => {
    expect(slugify('Amazon Alexa — Privacy Notice')).toBe('amazon-alexa-privacy-notice');
    expect(slugify('Données personnelles')).toBe('donnees-personnelles');
    expect(slugify('!!!')).toBe('document');
    expect(slugify('a'.repeat(79) + ' b')).toBe('a'.repeat(79));
  });
});
