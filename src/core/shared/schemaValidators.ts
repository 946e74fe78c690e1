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

/** Calls `visit` on `schema` and each of its subschemas, with its JSON pointer (`at` being `schema`'s own). */
function forEachSubschema(schema: unknown, at: string, visit: (subschema: Record<string, unknown>, at: string) => void): void {
	if (Array.isArray(schema)) {
		schema.forEach((item, index) => forEachSubschema(item, `${at}/${index}`, visit));
		return;
	}
	if (!isRecord(schema)) {
		return;
	}
	visit(schema, at);
	for (const [key, value] of Object.entries(schema)) {
		if (SCHEMA_MAPS.has(key) && isRecord(value)) {
			for (const [name, sub] of Object.entries(value)) {
				forEachSubschema(sub, `${at}/${key}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`, visit);
			}
		} else if (SUBSCHEMAS.has(key)) {
			forEachSubschema(value, `${at}/${key}`, visit);
		}
	}
}

/**
 * `schema` without the {@link ANNOTATIONS} of any of its subschemas; names (of properties, definitions) and values
 * (`enum`, `const`, `default`) are kept whatever they are called. What validates, and every problem message, is the
 * same: the shipped validators then carry no editor prose (the schema files VS Code reads keep it).
 */
export function withoutAnnotations(schema: unknown): unknown {
	const copy: unknown = JSON.parse(JSON.stringify(schema));
	forEachSubschema(copy, '#', (subschema) => {
		for (const keyword of ANNOTATIONS) {
			delete subschema[keyword];
		}
	});
	return copy;
}

/** The hints of `schema`'s subschemas, by their JSON pointer. */
function hintsOf(schema: unknown): Record<string, SchemaHint> {
	const hints: Record<string, SchemaHint> = {};
	forEachSubschema(schema, '#', (subschema, at) => {
		const keys = subschema.additionalProperties === false && isRecord(subschema.properties) ? Object.keys(subschema.properties) : undefined;
		const patternMessage = typeof subschema.patternErrorMessage === 'string' ? subschema.patternErrorMessage : undefined;
		if (keys || patternMessage) {
			hints[at] = { ...(keys ? { keys } : {}), ...(patternMessage ? { patternMessage } : {}) };
		}
	});
	return hints;
}

/** The hints of each schema of {@link SCHEMAS}, under the same names (precompiled in the production bundles too). */
export function schemaHints(): Readonly<Record<keyof typeof SCHEMAS, SchemaHints>> {
	return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, hintsOf(schema)])) as Record<keyof typeof SCHEMAS, SchemaHints>;
}

/** One validator per schema of {@link SCHEMAS}, under the same names. */
export function compileValidators(): Validators {
	const ajv = createAjv();
	return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(withoutAnnotations(schema) as object)])) as Validators;
}
