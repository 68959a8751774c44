/** Escapes text for HTML element content and attribute values (one implementation, in libs/diff). */
export { escapeHtml } from '@fineprint/diff';
