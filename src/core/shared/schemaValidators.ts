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

/**
 * The ajv instance every validator comes from; esbuild.mjs passes `code` options to generate standalone code. It
 * compiles schemas without their editor keywords ({@link withoutAnnotations}); a keyword ajv does not know fails the
 * build. Not verbose: a problem's message takes what it needs from the schema through {@link schemaHints}.
 */
export function createAjv(extra: Options = {}): Ajv {
	return new Ajv({ allErrors: true, allowUnionTypes: true, logger: false, ...extra });
}

/**
 * The schemas, by the name of their validator. Only this module holds them: the precompiled bundles carry them inside
 * the generated validators, once.
 */
export const SCHEMAS = { frontMatter: frontMatterSchema, quiz: quizSchema, exercise: exerciseSchema, assignments: assignmentsSchema, report: reportSchema };

export type Validators = Readonly<Record<keyof typeof SCHEMAS, ValidateFunction>>;

/** What a problem's message takes from the subschema that failed: its known keys, its `patternErrorMessage`. */
export interface SchemaHint {
	readonly keys?: readonly string[];
	readonly patternMessage?: string;
}
/** Hints by the JSON pointer of their subschema in its schema: ajv's `schemaPath` without its last segment. */
export type SchemaHints = Readonly<Record<string, SchemaHint>>;

/** Keywords only editors read (hovers, completions, messages): they validate nothing; the messages come from {@link schemaHints}. */
const ANNOTATIONS = new Set(['title', 'description', 'markdownDescription', 'defaultSnippets', 'examples', '$comment', 'deprecationMessage', 'enumDescriptions', 'markdownEnumDescriptions', 'patternErrorMessage']);
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

/** The hints of `schema`'s subschemas, `at` being the pointer of `schema` itself. */
function hintsOf(schema: unknown, at: string, into: Record<string, SchemaHint>): Record<string, SchemaHint> {
	if (Array.isArray(schema)) {
		schema.forEach((item, index) => hintsOf(item, `${at}/${index}`, into));
		return into;
	}
	if (!isRecord(schema)) {
		return into;
	}
	const keys = schema.additionalProperties === false && isRecord(schema.properties) ? Object.keys(schema.properties) : undefined;
	const patternMessage = typeof schema.patternErrorMessage === 'string' ? schema.patternErrorMessage : undefined;
	if (keys || patternMessage) {
		into[at] = { ...(keys ? { keys } : {}), ...(patternMessage ? { patternMessage } : {}) };
	}
	for (const [key, value] of Object.entries(schema)) {
		if (SCHEMA_MAPS.has(key) && isRecord(value)) {
			for (const [name, sub] of Object.entries(value)) {
				hintsOf(sub, `${at}/${key}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, into);
			}
		} else if (SUBSCHEMAS.has(key)) {
			hintsOf(value, `${at}/${key}`, into);
		}
	}
	return into;
}

/** The hints of each schema of {@link SCHEMAS}, under the same names (precompiled in the production bundles too). */
export function schemaHints(): Readonly<Record<keyof typeof SCHEMAS, SchemaHints>> {
	return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, hintsOf(schema, '#', {})])) as Record<keyof typeof SCHEMAS, SchemaHints>;
}

/** One validator per schema of {@link SCHEMAS}, under the same names. */
export function compileValidators(): Validators {
	const ajv = createAjv();
	return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(withoutAnnotations(schema) as object)])) as Validators;
}
