/**
 * The ways `suggest` prints a related lesson: a line editors and people read, a GitHub Actions workflow annotation,
 * or an entry of a GitLab code quality report. Paths and text come from SARIF logs and lessons, i.e. from anyone:
 * each format escapes what its reader would otherwise take as syntax. Pure.
 */
import { fnv1a } from '../../core/shared/hash';
import { oneLine } from '../../core/shared/text';

export type SuggestFormat = 'text' | 'github' | 'gitlab';
export const SUGGEST_FORMATS: readonly SuggestFormat[] = ['text', 'github', 'gitlab'];

/** One related lesson at one place in the code. */
export interface LessonHit {
	/** `/`-separated; absent when the finding had no usable location. */
	readonly path?: string;
	readonly line?: number;
	readonly lessonId: string;
	readonly title: string;
	readonly why: string;
	/** What pointed at it (a rule id or the trigger), so two hits on one line stay apart in a report. */
	readonly origin: string;
}

/**
 * `path:line: lesson-id — why`. A path that starts with `:` gets `./` in front, so no line can start with `::` and be
 * taken by a CI runner as a workflow command.
 */
export function textLine(hit: LessonHit, fallback: string): string {
	const place = hit.path === undefined ? fallback : `${hit.path.startsWith(':') ? './' : ''}${hit.path}${hit.line !== undefined ? `:${hit.line}` : ''}`;
	return oneLine(`${place}: ${hit.lessonId} — ${hit.why}`);
}

/** A workflow command's data: `%`, CR and LF escaped (GitHub's own escaping). */
function escapeData(text: string): string {
	return oneLine(text).replace(/%/g, '%25');
}

/** A workflow command's property value: the data escapes plus `:` and `,`, which end a property. */
function escapeProperty(text: string): string {
	return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** `::notice file=…,line=…,title=…::lesson-id — why`: a notice, since a lesson is advice, not a failure. */
export function githubAnnotation(hit: LessonHit): string {
	const properties = [
		...(hit.path !== undefined ? [`file=${escapeProperty(hit.path)}`] : []),
		...(hit.path !== undefined && hit.line !== undefined ? [`line=${hit.line}`] : []),
		`title=${escapeProperty(`Learn from a real incident: ${hit.title}`)}`,
	];
	return `::notice ${properties.join(',')}::${escapeData(`${hit.lessonId} — ${hit.why}`)}`;
}

/** An entry of GitLab's code quality report (the Code Climate subset GitLab documents). */
export interface CodeQualityIssue {
	readonly description: string;
	readonly check_name: string;
	readonly fingerprint: string;
	readonly severity: 'info';
	readonly location: { readonly path: string; readonly lines: { readonly begin: number } };
}

/** The report's entries for the hits that have a path (GitLab needs one); the fingerprint is stable across runs. */
export function gitlabReport(hits: readonly LessonHit[]): CodeQualityIssue[] {
	const seen = new Set<string>();
	return hits.flatMap((hit) => {
		if (hit.path === undefined) {
			return [];
		}
		const key = `${hit.path}\u0000${hit.line ?? 1}\u0000${hit.lessonId}\u0000${hit.origin}`;
		const fingerprint = [fnv1a(key), fnv1a(key, 0x01000193)].map((n) => n.toString(16).padStart(8, '0')).join('');
		if (seen.has(fingerprint)) {
			return [];
		}
		seen.add(fingerprint);
		return [{
			description: oneLine(`Learn from a real incident: ${hit.title} (${hit.lessonId}) — ${hit.why}`),
			check_name: `incident-lessons/${hit.lessonId}`,
			fingerprint,
			severity: 'info' as const,
			location: { path: hit.path, lines: { begin: hit.line ?? 1 } },
		}];
	});
}

/** The hits in `format`: one line each, or (gitlab) the whole report as one JSON document. */
export function formatHits(hits: readonly LessonHit[], format: SuggestFormat, fallback: (hit: LessonHit) => string): string {
	if (format === 'gitlab') {
		return `${JSON.stringify(gitlabReport(hits), null, 2)}\n`;
	}
	return hits.map((hit) => `${format === 'github' ? githubAnnotation(hit) : textLine(hit, fallback(hit))}\n`).join('');
}
