/** The curriculum overview for leads and docs: one Markdown table row per lesson; lesson text is escaped. Pure. */
import type { Lesson } from '../lessons/lesson';
import { sortLessons } from './catalog';
import { compareTracks } from './tracks';
import { markdownCell, markdownLink } from '../shared/markdownText';

function quizTypes(lesson: Lesson): string {
	const counts = new Map<string, number>();
	for (const quiz of lesson.quizzes) {
		counts.set(quiz.type, (counts.get(quiz.type) ?? 0) + 1);
	}
	return [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
}

function sources(lesson: Lesson): string {
	return lesson.meta.sources.map((s) => (s.url ? markdownLink(s.title, s.url) : markdownCell(s.title))).join('<br>');
}

/**
 * A Markdown table of `lessons`: lesson (title and id), track, minutes, quiz count (by type), ATT&CK ids and
 * sources, ordered by track (./tracks) and then as the Lessons view orders them;
 * followed by a total line.
 */
export function curriculumTable(lessons: readonly Lesson[]): string {
	const ordered = sortLessons(lessons).sort((a, b) => compareTracks(a.meta.track, b.meta.track));
	const rows = ordered.map((l) => `| ${markdownCell(l.meta.title)}<br>\`${l.meta.id}\` | ${markdownCell(l.meta.track)} | ${l.meta.minutes ?? ''} | `
		+ `${l.quizzes.length} (${markdownCell(quizTypes(l))}) | ${markdownCell(l.meta.attack.join(', '))} | ${sources(l)} |`);
	const minutes = ordered.reduce((sum, l) => sum + (l.meta.minutes ?? 0), 0);
	const quizzes = ordered.reduce((sum, l) => sum + l.quizzes.length, 0);
	return ['| Lesson | Track | Minutes | Quizzes | ATT&CK | Sources |', '| --- | --- | --- | --- | --- | --- |', ...rows, '',
		`${ordered.length} lessons, ${minutes} minutes, ${quizzes} quizzes.`, ''].join('\n');
}
