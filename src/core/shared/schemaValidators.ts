/**
 * Compiles the JSON-Schema validators. Here ajv compiles them when first asked; the production bundles replace
 * this module with the same validators compiled at build time (ajv's standalone code, see esbuild.mjs), so the
 * extension and the CLI ship no schema compiler and their first lesson parse compiles nothing. Both use
 * {@link createAjv}, so they agree on every option. Pure.
 */
import Ajv from 'ajv';
import type { Options, ValidateFunction } from 'ajv';
import assignmentsSchema from '../../../schemas/assignments.schema.json';
import exerciseSchema from '../../../schemas/exercise.schema.json';
import frontMatterSchema from '../../../schemas/lesson-front-matter.schema.json';
import reportSchema from '../../../schemas/progress-report.schema.json';
import quizSchema from '../../../schemas/quiz.schema.json';
import { isRecord } from './records';

/** Editor hint keywords in our schemas (VS Code's JSON and YAML support read them); they do not validate. */
const HINT_KEYWORDS = ['patternErrorMessage', 'defaultSnippets'];

/** The ajv instance every validator comes from; esbuild.mjs passes `code` options to generate standalone code. */
export function createAjv(extra: Options = {}): Ajv {
	const ajv = new Ajv({ allErrors: true, verbose: true, allowUnionTypes: true, logger: false, ...extra });
	ajv.addVocabulary(HINT_KEYWORDS);
	return ajv;
}

/**
 * The schemas, by the name of their validator. Only this module holds them: the precompiled bundles carry them inside
 * the generated validators, once.
 */
export const SCHEMAS = { frontMatter: frontMatterSchema, quiz: quizSchema, exercise: exerciseSchema, assignments: assignmentsSchema, report: reportSchema };

export type Validators = Readonly<Record<keyof typeof SCHEMAS, ValidateFunction>>;

/** Keywords only editors read (hovers, completions): they validate nothing and no problem message uses them. */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'defaultSnippets', 'examples', '$comment', 'deprecationMessage', 'enumDescriptions', 'markdownEnumDescriptions']);
/** Keywords whose value maps names to subschemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties', 'definitions', '$defs', 'dependencies']);
/** Keywords whose value is a subschema or a list of them. */
const SUBSCHEMAS = new Set(['items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames', 'if', 'then', 'else', 'not', 'allOf', 'anyOf', 'oneOf']);

/**
 * `schema` without the {@link ANNOTATIONS} of any of its subschemas; names (of properties, definitions) and values
 * (`enum`, `const`, `default`) are kept whatever they are called. What validates, and every problem message, is the
 * same: the shipped validators then carry no editor prose (the schema files VS Code reads keep it).
 */
export function withoutAnnotations(schema: unknown): unknown {
	if (Array.isArray(schema)) {
		return schema.map(withoutAnnotations);
	}
	if (!isRecord(schema)) {
		return schema;
	}
	const kept: Record<string, unknown> = {};
	for (const [key, value] of Object.entries(schema)) {
		if (ANNOTATIONS.has(key)) {
			continue;
		}
		if (SCHEMA_MAPS.has(key) && isRecord(value)) {
			kept[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, Array.isArray(sub) ? sub : withoutAnnotations(sub)]));
		} else {
			kept[key] = SUBSCHEMAS.has(key) ? withoutAnnotations(value) : value;
		}
	}
	return kept;
}

/** One validator per schema of {@link SCHEMAS}, under the same names. */
export function compileValidators(): Validators {
	const ajv = createAjv();
	return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(withoutAnnotations(schema) as object)])) as Validators;
}
