// ESLint flat config: type-checked TypeScript rules, Nx module boundaries with real
// layer tags (see docs/decisions/0002-layers-and-module-boundaries.md), no import cycles.
import nx from '@nx/eslint-plugin';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Layer rules (docs/decisions/0002-layers-and-module-boundaries.md); tests may also use libs/testing. */
function boundaries(inTests) {
  const allow = (tags) => (inTests ? [...tags, 'type:testing'] : tags);
  return {
    enforceBuildableLibDependency: false,
    allow: [],
    depConstraints: [
      { sourceTag: 'type:app', onlyDependOnLibsWithTags: allow(['type:feature', 'type:engine', 'type:data', 'type:util', 'type:config', 'type:contracts']) },
      { sourceTag: 'type:web', onlyDependOnLibsWithTags: allow(['type:contracts']) },
      { sourceTag: 'type:feature', onlyDependOnLibsWithTags: allow(['type:engine', 'type:data', 'type:util', 'type:config', 'type:contracts']) },
      { sourceTag: 'type:engine', onlyDependOnLibsWithTags: allow(['type:util', 'type:config', 'type:contracts']) },
      { sourceTag: 'type:data', onlyDependOnLibsWithTags: allow(['type:config', 'type:contracts']) },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: allow([]) },
      { sourceTag: 'type:config', onlyDependOnLibsWithTags: allow([]) },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: allow([]) },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
    ],
  };
}

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/tmp/**', '**/.nx/**', 'libs/db/src/generated/**', '**/*.js', '**/*.mjs', 'apps/web/public/**'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@nx': nx, 'import-x': importX },
    rules: {
      '@nx/enforce-module-boundaries': ['error', boundaries(false)],
      'import-x/no-cycle': ['error', { maxDepth: 10 }],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'Do not commit .only: it silently skips the rest of the suite.' },
        { object: 'it', property: 'only', message: 'Do not commit .only: it silently skips the rest of the suite.' },
        { object: 'test', property: 'only', message: 'Do not commit .only: it silently skips the rest of the suite.' },
      ],
    },
  },
  {
    // Tests may use loose matchers (expect.any etc.) whose types are `any`.
    files: ['**/*.spec.ts', '**/*.int-spec.ts', 'libs/testing/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/unbound-method': 'off',
      '@nx/enforce-module-boundaries': ['error', boundaries(true)],
    },
  },
  prettier,
);
