// Lint for the whole repository (npm run lint; npm run lint:fix applies the safe fixes). typescript-eslint's
// type-checked recommended rules over TypeScript and JavaScript alike (tsconfig.eslint.json gives eslint one
// program with both), plus the few rules this project relies on. Formatting is prettier's alone
// (.prettierrc.json): eslint-config-prettier, last, switches off every rule that would argue with it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** Globals for eslint's no-undef in JavaScript files, by hand: the handful this code uses (no package for it). */
const readonly = (names) => Object.fromEntries(names.map((name) => [name, 'readonly']));
const NODE_GLOBALS = readonly([
  'AbortController',
  'Buffer',
  'URL',
  'URLSearchParams',
  'TextDecoder',
  'TextEncoder',
  'clearImmediate',
  'clearInterval',
  'clearTimeout',
  'console',
  'fetch',
  'performance',
  'process',
  'queueMicrotask',
  'setImmediate',
  'setInterval',
  'setTimeout',
  'structuredClone',
]);
const COMMONJS_GLOBALS = readonly(['__dirname', '__filename', 'exports', 'module', 'require']);

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'node_modules/',
      '.vscode-test/',
      '.bench/',
      'test-results/',
      // Inputs of the tests, kept byte for byte as written.
      'test/fixtures/',
      'test/unit/grammar-fixtures/',
      'test/e2e/workspace/',
      'test/e2e/workspace-editing/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { project: './tsconfig.eslint.json', tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // A promise nobody awaits loses its rejection: in the server an unhandled rejection ends the process. Write
      // `await`, or `void` where the result is deliberately not waited for (and cannot reject, or is caught).
      // node:test's test()/describe() return promises the runner itself waits for.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'before', 'after', 'beforeEach', 'afterEach'],
            },
          ],
        },
      ],
      // One import statement per module; a type import joins the value import as `import { x, type T }`.
      'no-duplicate-imports': 'error',
      // `const { secret: _s, ...rest } = w` drops a field on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // The tests match YAML text, indentation included, as it is written: `/^      - address/` reads like the
      // file; `/^ {6}- address/` would have to be counted.
      'no-regex-spaces': 'off',
    },
  },
  {
    // Tests read JSON (CLI and SARIF output, package.json, the schema) and let the assertions check its shape;
    // JavaScript files carry no types at all. There, `any` is the honest type of what is read, and the no-unsafe
    // rules would only ask to restate each format in the test. (no-explicit-any still applies to test code.)
    files: ['test/**', '**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    rules: {
      // Without type annotations the operands are `any`; the rule has nothing to check.
      '@typescript-eslint/restrict-plus-operands': 'off',
      // The type checker reads the JavaScript without checking it (checkJs is off), so names are left to eslint.
      'no-undef': 'error',
    },
    languageOptions: { globals: NODE_GLOBALS },
  },
  {
    files: ['**/*.cjs', 'test/e2e/suite/*.js'],
    languageOptions: { globals: COMMONJS_GLOBALS },
  },
  {
    // mocha's BDD interface, as the extension-host suite uses it.
    files: ['test/e2e/suite/*.js'],
    languageOptions: { globals: readonly(['describe', 'it', 'before', 'after', 'beforeEach', 'afterEach']) },
  },
  {
    // Functions passed to Playwright's page.evaluate() run in the browser page.
    files: ['test/e2e/ui*.mjs'],
    languageOptions: { globals: readonly(['document', 'window', 'getComputedStyle']) },
  },
  {
    // CommonJS: the extension-host suite (VS Code requires it) and the bench's preload.
    files: ['**/*.cjs', 'test/e2e/suite/*.js'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
);
