/** Reading `triggers` out of validated front matter data, with where each pattern is in the file. Pure. */
import type { LessonTrigger } from './trigger';
import type { ParsedYaml } from '../shared/yamlBlock';

/** The `triggers` entry as the schema accepts it. */
interface TriggerData {
	readonly languages?: readonly string[];
	readonly files?: readonly string[];
	readonly pattern: string;
	readonly why: string;
	readonly section?: string;
}

/**
 * The triggers of front matter data that passed schema validation (so `triggers`, when present, is a list of
 * trigger objects), each with the file position of its `pattern` for later diagnostics. Empty when there are none.
 */
export function readTriggers(data: unknown, parsed: ParsedYaml): LessonTrigger[] {
	const raw = typeof data === 'object' && data !== null && 'triggers' in data ? data.triggers : undefined;
	if (!Array.isArray(raw)) {
		return [];
	}
	return (raw as readonly TriggerData[]).map((trigger, index) => {
		const { line, column } = parsed.spanOf(['triggers', index, 'pattern']);
		return {
			languages: [...(trigger.languages ?? [])],
			files: [...(trigger.files ?? [])],
			pattern: trigger.pattern,
			why: trigger.why,
			...(trigger.section !== undefined ? { section: trigger.section } : {}),
			line,
			column,
		};
	});
}
