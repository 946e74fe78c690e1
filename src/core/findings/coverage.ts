/**
 * What the lessons cover, for leads deciding what to write next: the CWE ids and OWASP Top 10 2021 categories the
 * lessons declare, and, given findings from a scanner, the weaknesses found that no lesson teaches yet. Markdown;
 * every text from a lesson or a log is escaped. Pure.
 */
import type { LessonMeta } from '../lessons/lesson';
import { compareText } from '../shared/text';
import { markdownCell } from '../shared/markdownText';
import { describeCwe, OWASP_2021 } from './cweIds';
import type { Finding } from './sarif';

type CoveredLesson = { readonly meta: Pick<LessonMeta, 'id' | 'cwe' | 'owasp'> };

const byNumber = (a: string, b: string): number => Number(a.slice(4)) - Number(b.slice(4)) || compareText(a, b);
const ids = (lessonIds: readonly string[]): string => lessonIds.map((id) => `\`${markdownCell(id)}\``).join(', ');

function group(pairs: readonly (readonly [string, string])[]): Map<string, string[]> {
	const map = new Map<string, string[]>();
	for (const [key, lessonId] of pairs) {
		const list = map.get(key) ?? [];
		if (!list.includes(lessonId)) {
			list.push(lessonId);
		}
		map.set(key, list);
	}
	return map;
}

/** The coverage report: CWE → lessons, OWASP category → lessons, and (with `findings`) what has no lesson. */
export function coverageReport(lessons: readonly CoveredLesson[], findings?: readonly Finding[]): string {
	const byCwe = group(lessons.flatMap((l) => (l.meta.cwe ?? []).map((w) => [w.id, l.meta.id] as const)));
	const byOwasp = group(lessons.flatMap((l) => (l.meta.owasp ?? []).map((o) => [o, l.meta.id] as const)));
	const declaring = lessons.filter((l) => (l.meta.cwe?.length ?? 0) > 0).length;
	const lines = ['## Weaknesses (CWE) the lessons teach', '', '| CWE | Lessons |', '| --- | --- |',
		...[...byCwe.keys()].sort(byNumber).map((cwe) => `| ${markdownCell(describeCwe(cwe))} | ${ids(byCwe.get(cwe) ?? [])} |`), '',
		`${declaring} of ${lessons.length} lessons declare the weaknesses they teach.`, '',
		'## OWASP Top 10 2021', '', '| Category | Lessons |', '| --- | --- |',
		...Object.entries(OWASP_2021).map(([id, name]) => `| ${id} ${name} | ${byOwasp.has(id) ? ids(byOwasp.get(id) ?? []) : 'none yet'} |`), ''];
	if (findings) {
		// A finding counts here only when none of its weaknesses has a lesson.
		const lessonless = findings.filter((f) => !f.cwe.some((c) => byCwe.has(c)));
		const unmapped = group(lessonless.flatMap((f) => f.cwe.map((c) => [c, f.ruleId ?? f.tool] as const)));
		const counts = new Map<string, number>();
		for (const f of lessonless) {
			for (const c of f.cwe) {
				counts.set(c, (counts.get(c) ?? 0) + 1);
			}
		}
		const withoutCwe = findings.filter((f) => f.cwe.length === 0).length;
		lines.push('## Findings with no lesson yet', '', '| CWE | Findings | Rules |', '| --- | --- | --- |',
			...[...unmapped.keys()].sort(byNumber).map((cwe) => `| ${markdownCell(describeCwe(cwe))} | ${counts.get(cwe) ?? 0} | ${ids((unmapped.get(cwe) ?? []).slice(0, 5))} |`), '',
			`${findings.length} findings; ${withoutCwe} carry no CWE id.`, '');
	}
	return lines.join('\n');
}
