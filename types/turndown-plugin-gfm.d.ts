declare module '@joplin/turndown-plugin-gfm' {
  /** GitHub-flavoured Markdown rules (tables, strikethrough, task lists). */
  export const gfm: import('turndown').Plugin;
}
