// Type-aware lint for every TypeScript source; core stays free of vscode, node built-ins and the DOM; no source file
// over 300 lines; no import cycle. Folder sizes and features' public modules: test/unit/architecture.test.ts.
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default tseslint.config(
	{ ignores: ['dist/**', 'out/**', 'node_modules/**', '.vscode-test/**', 'test-results/**', 'bench/tmp/**', '**/*.mjs', '**/*.js', '**/*.cjs', 'lessons/exercises/**'] },
	...tseslint.configs.recommendedTypeChecked,
	{
		languageOptions: {
			parserOptions: { project: ['./tsconfig.json', './src/webview/tsconfig.json'], tsconfigRootDir: import.meta.dirname },
		},
		rules: {
			curly: 'error',
			eqeqeq: ['error', 'always'],
			semi: 'error',
			quotes: ['error', 'single', { avoidEscape: true, allowTemplateLiterals: true }],
			'@typescript-eslint/no-explicit-any': 'error',
			'@typescript-eslint/no-floating-promises': ['error', {
				// node:test's test() returns a promise the runner already tracks
				allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'describe', 'suite', 'it'], package: 'node:test' }],
			}],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
			'no-console': 'error',
		},
	},
	{
		files: ['src/core/**/*.ts', 'src/protocol.ts'],
		rules: {
			'no-restricted-imports': ['error', { patterns: [
				{ group: ['vscode'], message: 'src/core is pure: adapt it in src/extension.' },
				{ group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto'], message: 'src/core takes strings in and gives values out: no I/O.' },
			] }],
		},
	},
	{
		files: ['src/**/*.ts'],
		plugins: { 'import-x': importX },
		settings: {
			'import-x/extensions': ['.ts'],
			'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
			'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts'] })],
		},
		rules: {
			'max-lines': ['error', { max: 300, skipBlankLines: false, skipComments: false }],
			// dynamic imports count too: a lazily loaded module that imports its loader is still a cycle
			'import-x/no-cycle': ['error', { allowUnsafeDynamicCyclicDependency: false }],
		},
	},
	{
		files: ['src/cli/**/*.ts', 'test/**/*.ts'],
		rules: { 'no-console': 'off' },
	},
);
