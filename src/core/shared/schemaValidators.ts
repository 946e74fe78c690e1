/**
 * Compiles the JSON-Schema validators. Here ajv compiles them when first asked; the production bundles replace
 * this module with the same validators compiled at build time (ajv's standalone code, see esbuild.mjs), so the
 * extension and the CLI ship no schema compiler and their first lesson parse compiles nothing. Both use
 * {@link createAjv}, so they agree on every option. Pure.
 */
import Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';

/** Editor hint keywords in our schemas (VS Code's JSON and YAML support read them); they do not validate. */
const HINT_KEYWORDS = ['patternErrorMessage', 'defaultSnippets'];

/** The ajv instance every validator comes from; esbuild.mjs passes `code` options to generate standalone code. */
export function createAjv(extra: Options = {}): Ajv {
	const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, logger: false, ...extra });
	ajv.addVocabulary(HINT_KEYWORDS);
	return ajv;
}

/**
 * One validator per schema, under the same keys. Every schema must have an `$id` (the precompiled bundle finds
 * its validators by `$id`) and be a file in `schemas/` (the build compiles that folder).
 */
export function compileValidators<K extends string>(schemas: Readonly<Record<K, object>>): Record<K, ValidateFunction> {
	const ajv = createAjv();
	const validators = {} as Record<K, ValidateFunction>;
	for (const key of Object.keys(schemas) as K[]) {
		validators[key] = ajv.compile(schemas[key]);
	}
	return validators;
}
