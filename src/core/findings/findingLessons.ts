/**
 * Which lessons teach the weakness a finding has: a finding links to a lesson only through a CWE id the lesson
 * declares (front matter `cwe`), so a CSRF finding links to nothing when no lesson teaches CSRF. Pure.
 */
import type { LessonMeta } from '../lessons/lesson';
import { cweOfMessage, cweOfTag, describeCwe } from './cweIds';
import { cwesOfRule } from './ruleCwe';

/** At most this many lessons per finding: one finding needs a lesson or two, not a reading list. */
export const MAX_LESSONS_PER_FINDING = 3;

/** A lesson related to a finding, and where and why to read it. */
export interface FindingLesson {
	readonly lessonId: string;
	readonly title: string;
	/** The CWE that links them. */
	readonly cwe: string;
	/** The heading slug to open the lesson at, when the lesson gives one. */
	readonly section?: string;
	/** One line: the lesson's own words, or the weakness it teaches. */
	readonly why: string;
}

/** The lessons that declare each CWE, in the order they were given. */
export type WeaknessIndex = ReadonlyMap<string, readonly FindingLesson[]>;

export function indexWeaknesses(lessons: readonly { readonly meta: Pick<LessonMeta, 'id' | 'title' | 'cwe'> }[]): WeaknessIndex {
	const index = new Map<string, FindingLesson[]>();
	for (const { meta } of lessons) {
		for (const weakness of meta.cwe ?? []) {
			const entries = index.get(weakness.id) ?? [];
			if (!entries.some((e) => e.lessonId === meta.id)) {
				entries.push({
					lessonId: meta.id,
					title: meta.title,
					cwe: weakness.id,
					...(weakness.section !== undefined ? { section: weakness.section } : {}),
					why: weakness.why ?? `teaches ${describeCwe(weakness.id)} through a real incident`,
				});
			}
			index.set(weakness.id, entries);
		}
	}
	return index;
}

/**
 * The lessons for a finding's CWE ids, one per lesson, at most {@link MAX_LESSONS_PER_FINDING}: the first lesson of
 * each CWE comes before the second of any, so a finding tagged with several weaknesses gets a lesson for each.
 */
export function lessonsForCwes(index: WeaknessIndex, cwes: readonly string[]): FindingLesson[] {
	const found: FindingLesson[] = [];
	const lists = cwes.map((cwe) => index.get(cwe) ?? []);
	const longest = Math.max(0, ...lists.map((l) => l.length));
	for (let rank = 0; rank < longest; rank++) {
		for (const lesson of lists.map((l) => l[rank])) {
			if (lesson && found.length < MAX_LESSONS_PER_FINDING && !found.some((f) => f.lessonId === lesson.lessonId)) {
				found.push(lesson);
			}
		}
	}
	return found;
}

/** An editor diagnostic as another extension reported it: what may carry a CWE. */
export interface DiagnosticFacts {
	/** The diagnostic's code (a rule id, or a CWE id), as text. */
	readonly code?: string;
	/** The code's link (`https://cwe.mitre.org/data/definitions/798.html`), as text. */
	readonly codeTarget?: string;
	/** Who reported it (`eslint`, `semgrep`, `SonarLint`). */
	readonly source?: string;
	readonly message: string;
}

/** The CWE ids an editor diagnostic carries: in its code, its code's link, its rule id (through the table) or the start of its message. */
export function cwesOfDiagnostic(facts: DiagnosticFacts): string[] {
	const code = facts.code?.slice(0, 300);
	const cwes = [
		code !== undefined ? cweOfTag(code) : undefined,
		facts.codeTarget !== undefined ? cweOfTag(facts.codeTarget) : undefined,
		...(code !== undefined ? cwesOfRule(code, facts.source ?? '') : []),
		cweOfMessage(facts.message),
	];
	return [...new Set(cwes.filter((c): c is string => c !== undefined))];
}
