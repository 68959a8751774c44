// ESLint flat config: type-checked TypeScript rules, Nx module boundaries with real
// layer tags (see docs/decisions/0002-layers-and-module-boundaries.md), no import cycles.
import nx from '@nx/eslint-plugin';
import importX from 'eslint-plugin-import-x';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

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
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:feature', 'type:engine', 'type:data', 'type:config', 'type:contracts'] },
            { sourceTag: 'type:web', onlyDependOnLibsWithTags: ['type:contracts'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:engine', 'type:data', 'type:config', 'type:contracts'] },
            { sourceTag: 'type:engine', onlyDependOnLibsWithTags: ['type:config', 'type:contracts'] },
            { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:config', 'type:contracts'] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['*'] },
          ],
        },
      ],
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
    },
  },
  prettier,
);
