/** `incident-lessons suggest --sarif <file>...`: the lessons that teach the weaknesses a scanner found. */
import { describeCwe } from '../../core/findings/cweIds';
import { indexWeaknesses, lessonsForCwes } from '../../core/findings/findingLessons';
import type { Finding } from '../../core/findings/sarif';
import type { Lesson } from '../../core/lessons/lesson';
import { oneLine, type CliOutput } from '../output';
import type { SuggestCommand } from '../suggestArgs';
import { formatHits, type LessonHit } from './ciFormats';
import { MAX_SARIF_FILES, readSarifFiles } from './sarifFiles';

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** `CWE-352 (cross-site request forgery) ×2, …`: the weaknesses found that no lesson teaches, most frequent first. */
function unmappedSummary(findings: readonly Finding[]): string {
	const counts = new Map<string, number>();
	for (const f of findings) {
		for (const cwe of f.cwe) {
			counts.set(cwe, (counts.get(cwe) ?? 0) + 1);
		}
	}
	return [...counts].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([cwe, n]) => `${describeCwe(cwe)} ×${n}`).join(', ');
}

/**
 * Prints each SARIF finding's related lessons (through the CWE ids the finding carries and the lessons declare) in
 * `command.format`, then on stderr the problems met in the logs and a summary of the findings with no lesson.
 * Returns 2 when a log could not be read (the others are still mapped), else 0.
 */
export async function runSarifSuggest(command: SuggestCommand, lessons: readonly Lesson[], cwd: string, output: CliOutput): Promise<number> {
	const index = indexWeaknesses(lessons);
	const files = await readSarifFiles(command.sarif, cwd);
	if (command.sarif.length > MAX_SARIF_FILES) {
		output.stderr(`incident-lessons: only the first ${MAX_SARIF_FILES} SARIF files were read\n`);
	}
	const hits: LessonHit[] = [];
	const fallback = new Map<LessonHit, string>();
	const unmapped: Finding[] = [];
	let findingCount = 0;
	let withoutCwe = 0;
	let failed = false;
	for (const { display, read } of files) {
		if (read.error !== undefined) {
			output.stderr(`incident-lessons: ${oneLine(`${display}: ${read.error}`)}\n`);
			failed = true;
			continue;
		}
		for (const problem of read.problems) {
			output.stderr(`incident-lessons: ${oneLine(`${display}: ${problem}`)}\n`);
		}
		for (const finding of read.findings) {
			findingCount++;
			const related = lessonsForCwes(index, finding.cwe);
			if (finding.cwe.length === 0) {
				withoutCwe++;
			} else if (related.length === 0) {
				unmapped.push(finding);
			}
			for (const lesson of related) {
				const hit: LessonHit = {
					...(finding.path !== undefined ? { path: finding.path } : {}),
					...(finding.line !== undefined ? { line: finding.line } : {}),
					lessonId: lesson.lessonId, title: lesson.title, why: lesson.why, origin: finding.ruleId ?? finding.tool,
				};
				fallback.set(hit, display);
				hits.push(hit);
			}
		}
	}
	output.stdout(formatHits(hits, command.format, (hit) => fallback.get(hit) ?? ''));
	const linked = findingCount - unmapped.length - withoutCwe;
	output.stderr(`${count(findingCount, 'finding', 'findings')}, ${linked} linked to ${count(new Set(hits.map((h) => h.lessonId)).size, 'lesson', 'lessons')}, `
		+ `${unmapped.length} with a CWE no lesson teaches, ${withoutCwe} with no CWE id\n`);
	if (unmapped.length > 0) {
		output.stderr(`no lesson yet for: ${oneLine(unmappedSummary(unmapped))}\n`);
	}
	return failed ? 2 : 0;
}
