/**
 * A certificate of completion: one self-contained HTML page (no script, no external resource, a CSP that allows
 * only its own inline style; every piece of text escaped) saying that a learner passed every assigned lesson of a
 * cycle, with each lesson's score, date and SHA-256, and the SHA-256 of the progress report it was made from, so a
 * lead can check it against that report. Laid out to print on one A4 or Letter page. Pure.
 */
import { escapeHtml } from '../shared/html';
import type { Lesson } from '../lessons/lesson';

export interface CertificateLesson {
	readonly id: string;
	readonly title: string;
	/** 0..100. */
	readonly score: number;
	/** `YYYY-MM-DD`: the day of the latest answer that counts. */
	readonly passedOn: string;
	/** SHA-256 (hex) of the lesson's content as taught: see {@link lessonContentText}. */
	readonly contentSha256: string;
}

export interface CertificateInput {
	readonly learner: string;
	/** ISO 8601. */
	readonly generatedAt: string;
	/** The cycle the lessons were passed in (recurring assignments), else undefined. */
	readonly cycle?: { readonly start: string; readonly end: string };
	/** The latest due date among the lessons. */
	readonly due: string;
	readonly passMark: number;
	readonly lessons: readonly CertificateLesson[];
	/** The progress report written with the certificate: its file name and the SHA-256 (hex) of its bytes. */
	readonly report: { readonly file: string; readonly sha256: string };
	readonly toolVersion?: string;
	/** The page's words and their language (BCP 47); English when absent. `{0}`… mark where values go. */
	readonly labels?: CertificateLabels;
}

export interface CertificateLabels {
	readonly lang: string;
	readonly title: string;
	readonly subtitle: string;
	/** {0} first day, {1} last day of the cycle, {2} the pass mark. */
	readonly passedInCycle: string;
	/** {0} the due date, {1} the pass mark. */
	readonly passedByDue: string;
	readonly lesson: string;
	readonly score: string;
	readonly passedOn: string;
	readonly contentHash: string;
	/** {0} the report's file name, {1} its SHA-256. */
	readonly madeFrom: string;
	/** {0} a tool that computes SHA-256, {1} the CLI command. */
	readonly howToCheck: string;
	/** {0} when it was written, {1} the tool and its version (may be empty). */
	readonly written: string;
}

export const ENGLISH_CERTIFICATE_LABELS: CertificateLabels = {
	lang: 'en',
	title: 'Certificate of completion',
	subtitle: 'Security lessons from real incidents',
	passedInCycle: 'passed every assigned lesson in the training cycle {0} to {1}, each at or above the pass mark of {2}%.',
	passedByDue: 'passed every assigned lesson for the assignment due {0}, each at or above the pass mark of {1}%.',
	lesson: 'Lesson',
	score: 'Score',
	passedOn: 'Passed on',
	contentHash: 'Lesson content SHA-256',
	madeFrom: 'Made from the progress report {0}, SHA-256 {1}.',
	howToCheck: 'To check: the report file\'s SHA-256 must match (for example {0}), and {1} on it must show the same lessons passed.',
	written: 'Written {0}{1}. A self-reported record of completion: evidence as reported, not proof.',
};

/** `label` escaped, with `{n}` replaced by `parts[n]` (markup the caller escaped already). */
function fill(label: string, ...parts: string[]): string {
	return escapeHtml(label).replace(/\{(\d)\}/g, (marker, index: string) => parts[Number(index)] ?? marker);
}

/**
 * The text whose SHA-256 stands for a lesson's content: its id, language, title, questions (with their choices and
 * which are right) and exercises (with their checks), as JSON. The same lesson in the same language and version gives
 * the same text on every machine; any change to what the learner was asked changes it.
 */
export function lessonContentText(lesson: Pick<Lesson, 'meta' | 'locale' | 'quizzes' | 'exercises'>): string {
	return JSON.stringify({ id: lesson.meta.id, locale: lesson.locale, title: lesson.meta.title, quizzes: lesson.quizzes, exercises: lesson.exercises });
}

/** The most characters of a name or title the page shows (the rest as "…"): a report may come from anyone. */
const MAX_TEXT = 200;

function text(value: string): string {
	const trimmed = value.trim();
	return escapeHtml(trimmed.length > MAX_TEXT ? `${trimmed.slice(0, MAX_TEXT - 1)}…` : trimmed);
}

const STYLE = `
:root { color-scheme: light; }
body { font: 15px/1.5 Georgia, 'Times New Roman', serif; color: #1b1b1b; background: #f4f1ea; margin: 0; }
main { max-width: 52rem; margin: 2rem auto; background: #fff; border: 6px double #4a5a78; padding: 2.5rem 3rem; }
h1 { font-size: 2rem; text-align: center; letter-spacing: .04em; margin: 0 0 .25rem; color: #24324f; }
.subtitle { text-align: center; margin: 0 0 1.5rem; color: #4d4d4d; }
.learner { font-size: 1.6rem; text-align: center; margin: .5rem 0; font-weight: bold; }
.statement { text-align: center; margin: 0 0 1.5rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; font-size: .9rem; }
th, td { border-bottom: 1px solid #c9c9c9; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { font-family: system-ui, sans-serif; font-size: .8rem; white-space: nowrap; text-transform: uppercase; letter-spacing: .05em; color: #4d4d4d; }
td.num { text-align: right; white-space: nowrap; }
code { font: .72rem/1.3 ui-monospace, Consolas, monospace; word-break: break-all; color: #333; }
.check { font-family: system-ui, sans-serif; font-size: .8rem; color: #333; border-top: 1px solid #4a5a78; padding-top: .75rem; margin-top: 1.5rem; }
.check p { margin: .3rem 0; }
@media print {
  @page { size: auto; margin: 12mm; }
  body { background: #fff; }
  main { margin: 0; max-width: none; border-width: 4px; padding: 1.5rem 2rem; }
  tr { break-inside: avoid; }
}
`;

/** The certificate as a complete HTML document (UTF-8). */
export function certificateHtml(input: CertificateInput): string {
	const words = input.labels ?? ENGLISH_CERTIFICATE_LABELS;
	const passMark = String(Math.round(input.passMark));
	const statement = input.cycle
		? fill(words.passedInCycle, escapeHtml(input.cycle.start), escapeHtml(input.cycle.end), passMark)
		: fill(words.passedByDue, escapeHtml(input.due), passMark);
	const rows = input.lessons.map((l) => `<tr><td>${text(l.title)}<br><code>${escapeHtml(l.id)}</code></td>`
		+ `<td class="num">${Math.round(l.score)}%</td><td class="num">${escapeHtml(l.passedOn)}</td><td><code>${escapeHtml(l.contentSha256)}</code></td></tr>`).join('\n');
	const tool = input.toolVersion ? ` · Incident Lessons ${escapeHtml(input.toolVersion)}` : '';
	return `<!DOCTYPE html>
<html lang="${escapeHtml(words.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(words.title)}: ${text(input.learner)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${escapeHtml(words.title)}</h1>
<p class="subtitle">${escapeHtml(words.subtitle)}</p>
<p class="learner">${text(input.learner)}</p>
<p class="statement">${statement}</p>
<table>
<thead><tr><th scope="col">${escapeHtml(words.lesson)}</th><th scope="col">${escapeHtml(words.score)}</th><th scope="col">${escapeHtml(words.passedOn)}</th><th scope="col">${escapeHtml(words.contentHash)}</th></tr></thead>
<tbody>
${rows}
</tbody>
</table>
<div class="check">
<p>${fill(words.madeFrom, `<code>${text(input.report.file)}</code>`, `<code>${escapeHtml(input.report.sha256)}</code>`)}</p>
<p>${fill(words.howToCheck, '<code>sha256sum</code>', '<code>incident-lessons report</code>')}</p>
<p>${fill(words.written, escapeHtml(input.generatedAt), tool)}</p>
</div>
</main>
</body>
</html>
`;
}
