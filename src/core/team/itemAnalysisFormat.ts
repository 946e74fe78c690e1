/** The question-level analysis as Markdown (terminal, pull request) and CSV (spreadsheet); text escaped per format. Pure. */
import { markdownCell } from '../shared/markdownText';
import { MAX_ITEMS, type ItemView, type WrongAnswer } from './itemAnalysis';

/** The note for a view cut at {@link MAX_ITEMS}, or undefined. */
export function truncatedNote(view: ItemView): string | undefined {
	return view.truncated ? `These reports name more than ${MAX_ITEMS} distinct questions or checks; the ones met after that are not counted.` : undefined;
}
import { csvField } from './teamReportFormat';

/** `choices 2 + 3` (1-based, as a person counts) with the wording when known. */
export function describeWrong(wrong: WrongAnswer | undefined): string {
	if (!wrong) {
		return '—';
	}
	const positions = `choice${wrong.answer.length === 1 ? '' : 's'} ${wrong.answer.map((i) => i + 1).join(' + ')}`;
	return `${wrong.text !== undefined ? `“${wrong.text}” (${positions})` : positions} × ${wrong.count}`;
}

/** The analysis as Markdown: questions hardest first, then exercise checks most failing first. */
export function formatItemsMarkdown(view: ItemView): string {
	const out = [`# Questions the team gets wrong (${view.learners} learner${view.learners === 1 ? '' : 's'})`, ''];
	if (view.withoutAnswers > 0) {
		out.push(`${view.withoutAnswers} report${view.withoutAnswers === 1 ? ' is' : 's are'} version 1 (no answers recorded) and not counted here.`, '');
	}
	const note = truncatedNote(view);
	if (note !== undefined) {
		out.push(`⚠ ${note}`, '');
	}
	if (view.questions.length === 0) {
		out.push('No answers in these reports.');
	} else {
		out.push('| Lesson | Question | Answered | Right first try | Wrong now | Most held wrong answer |', '| --- | --- | --- | --- | --- | --- |');
		for (const q of view.questions) {
			const question = `\`${markdownCell(q.quizId)}\`${q.prompt !== undefined ? ` ${markdownCell(q.prompt)}` : ''}`;
			out.push(`| \`${markdownCell(q.lessonId)}\` | ${question} | ${q.answered} | ${q.firstTryRate}% (${q.firstTry}) | ${q.wrongNow} | ${markdownCell(describeWrong(q.topWrong))} |`);
		}
	}
	if (view.checks.length > 0) {
		out.push('', '## Exercise checks', '', '| Lesson | Exercise | Check | Failing at the latest check | Hints opened |', '| --- | --- | --- | --- | --- |');
		for (const c of view.checks) {
			const check = `\`${markdownCell(c.checkId)}\`${c.hint !== undefined ? ` ${markdownCell(c.hint)}` : ''}`;
			out.push(`| \`${markdownCell(c.lessonId)}\` | \`${markdownCell(c.exerciseId)}\` | ${check} | ${c.failing}/${c.checked} | ${c.hintsUsed} |`);
		}
	}
	return `${out.join('\n')}\n`;
}

const CSV_COLUMNS = ['lesson', 'question', 'prompt', 'answered', 'first_try', 'first_try_rate', 'wrong_now', 'top_wrong_answer', 'top_wrong_count', 'top_wrong_text'];

/** The questions as CSV (CRLF), one row each, hardest first; choice positions 1-based. */
export function formatItemsCsv(view: ItemView): string {
	const rows = [CSV_COLUMNS.join(',')];
	for (const q of view.questions) {
		rows.push([q.lessonId, q.quizId, q.prompt, q.answered, q.firstTry, q.firstTryRate, q.wrongNow,
			q.topWrong?.answer.map((i) => i + 1).join(' + '), q.topWrong?.count, q.topWrong?.text].map(csvField).join(','));
	}
	return `${rows.join('\r\n')}\r\n`;
}
