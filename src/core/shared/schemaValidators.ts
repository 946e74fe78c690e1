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

/** One validator per schema of {@link SCHEMAS}, under the same names. */
export function compileValidators(): Validators {
	const ajv = createAjv();
	return Object.fromEntries(Object.entries(SCHEMAS).map(([name, schema]) => [name, ajv.compile(schema)])) as Validators;
}
