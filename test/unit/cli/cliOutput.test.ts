// What the CLI prints is inert: no terminal escapes or bidi overrides from lessons and reports reach the terminal
// (every command writes through one filter), and the Markdown it generates has no live markup or broken-out links.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { terminalSafe } from '../../../src/cli/output';
import { runCli } from '../../../src/cli/run';
import { markdownLink } from '../../../src/core/shared/markdownText';
import { REPORT_FORMAT, type ProgressReport } from '../../../src/core/team/learnerReport';
import { aggregateReports } from '../../../src/core/team/teamReport';
import { formatTeamCsv } from '../../../src/core/team/teamReportFormat';
import { propertyParams } from '../helpers/propertySeed';

/** Anything a terminal acts on or that reorders text, except tab, LF and the CR of a CRLF. */
const UNSAFE = /[\u0000-\u0008\u000b-\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

/** ESC [ (colour), OSC 0 (window title) ended by BEL, OSC 8 (a link), a C1 CSI, and a right-to-left override. */
const ESCAPES = '\u001b[31mred\u001b[0m \u001b]0;owned\u0007 \u001b]8;;https://evil.example\u001b\\link\u001b]8;;\u001b\\ \u009b2J \u202etxt.exe\u202c \u2066iso\u2069';

function lesson(title: string, url: string): string {
	return `---\nid: escapes\ntitle: ${JSON.stringify(title)}\nsummary: ${JSON.stringify(`Summary ${ESCAPES}`)}\nsources:\n  - title: ${JSON.stringify(title)}\n    url: ${JSON.stringify(url)}\n---\n\n# Body ${ESCAPES}\n\nText ${ESCAPES}\n`;
}

async function cli(args: readonly string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
	let stdout = '';
	let stderr = '';
	const code = await runCli(args, cwd, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; } });
	return { code, stdout, stderr };
}

describe('CLI output carries no terminal escapes', () => {
	let tmp = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-cli-output-'));
		writeFileSync(path.join(tmp, 'escapes.md'), lesson(`Title ${ESCAPES}`, 'https://example.com/a'));
		const report = {
			format: 'incident-lessons-progress-report', schemaVersion: 1, generatedAt: '2026-11-23T09:00:00.000Z', passMark: 80,
			learner: { name: `Eve ${ESCAPES}`.slice(0, 200) },
			assignment: { lessons: [{ id: 'escapes', due: '2026-11-20' }] },
			lessons: [{ id: 'escapes', title: `T ${ESCAPES}`, status: 'inProgress', score: 0, answered: 1, total: 2, attempts: 1, quizzes: [] }],
		};
		writeFileSync(path.join(tmp, `eve\u001b]0;x\u0007.json`), JSON.stringify(report));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	for (const args of [['render', 'escapes.md'], ['curriculum', 'escapes.md'], ['lint', 'escapes.md'], ['report', '.', '--today', '2026-11-24'], ['report', '.', '--csv']]) {
		it(`${args[0]} ${args.slice(1).join(' ')} prints none to stdout or stderr`, async () => {
			const run = await cli(args, tmp);
			assert.ok(run.stdout.length > 0 || args[0] === 'lint', 'something was printed');
			assert.doesNotMatch(run.stdout, UNSAFE);
			assert.doesNotMatch(run.stderr, UNSAFE);
		});
	}

	it('keeps tabs, line breaks and CRLF (CSV rows) as they are', () => {
		let out = '';
		terminalSafe({ stdout: (t) => { out += t; }, stderr: () => undefined }).stdout('a\tb\r\nc\nd\re\u001b[2Jf\u0085g');
		assert.equal(out, 'a\tb\r\nc\nd e [2Jf g');
	});

	it('property: whatever a command writes, the terminal gets no control or bidi character but tab and line breaks', (t) => {
		fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => {
			let out = '';
			let err = '';
			const safe = terminalSafe({ stdout: (s) => { out += s; }, stderr: (s) => { err += s; } });
			safe.stdout(text);
			safe.stderr(text);
			return !UNSAFE.test(out) && !UNSAFE.test(err) && out.length === text.length;
		}), propertyParams(t));
	});
});

describe('curriculum Markdown is inert', () => {
	let tmp = '';
	before(() => {
		tmp = mkdtempSync(path.join(tmpdir(), 'lessons-curriculum-'));
		writeFileSync(path.join(tmp, 'escapes.md'), lesson('<img src=x onerror=alert(1)> *x* [y](javascript:z) | cell', 'https://a.example)<img/src=x/onerror=alert(2)>'));
	});
	after(() => rmSync(tmp, { recursive: true, force: true }));

	it('escapes titles and percent-encodes what would end a link destination', async () => {
		const run = await cli(['curriculum', 'escapes.md'], tmp);
		assert.equal(run.code, 0, run.stderr);
		const row = run.stdout.split('\n').find((l) => l.includes('`escapes`')) ?? '';
		assert.doesNotMatch(row, /(?<!\\)<img/, 'no raw HTML');
		assert.match(row, /\\<img src=x onerror=alert\(1\)\\> \\\*x\\\* \\\[y\\\]\(javascript:z\) \\\| cell<br>`escapes`/);
		assert.match(row, /\]\(https:\/\/a\.example%29%3Cimg\/src=x\/onerror=alert%282%29%3E\) \|$/);
		assert.equal(row.replace(/\\\|/g, '').split('|').length, 8, 'six cells, no split by the title');
	});

	it('links only http(s) URLs, and never lets a destination hold ( ) < > | space or a quote', (t) => {
		assert.equal(markdownLink('a', 'javascript:alert(1)'), 'a (javascript:alert(1))');
		fc.assert(fc.property(fc.string({ maxLength: 60 }), (tail) => {
			const link = markdownLink('t', `https://x.example/${tail}`);
			const destination = link.slice(link.indexOf('](') + 2, -1);
			return link.startsWith('[t](') && link.endsWith(')') && !/[\s()<>|"'\\`]/.test(destination);
		}), propertyParams(t));
	});
});

/** RFC 4180 rows of `csv` (CRLF between rows; quoted fields may hold anything, quotes doubled). */
function parseCsv(csv: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < csv.length; i++) {
		const c = csv[i];
		if (quoted) {
			if (c === '"' && csv[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') {
				quoted = false;
			} else {
				field += c;
			}
		} else if (c === '"') {
			quoted = true;
		} else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && csv[i + 1] === '\n') {
			rows.push([...row, field]);
			row = [];
			field = '';
			i++;
		} else {
			field += c;
		}
	}
	return rows;
}

describe('CSV cells are data, never formulas', () => {
	const hostile = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ';', ',', '"', ' ', '\uff1d', 'a', '1', '(', ')'), minLength: 1, maxLength: 20 });

	it('property: every text cell parses back to its text (with a leading \' when it could start a formula), row by row', (t) => {
		fc.assert(fc.property(hostile, hostile, (name, title) => {
			const report: ProgressReport = {
				format: REPORT_FORMAT, schemaVersion: 1, generatedAt: '2026-11-23T09:00:00.000Z', learner: { name }, passMark: 80,
				assignment: { file: 'a.json', lessons: [{ id: 'gmail', due: '2026-11-20' }] },
				lessons: [{ id: 'gmail', title, track: 't', origin: 'bundled', status: 'passed', score: 100, answered: 1, total: 1, correct: 1, attempts: 1, quizzes: [] }],
			};
			const rows = parseCsv(formatTeamCsv(aggregateReports([{ file: `${name}.json`, report }], '2026-11-24')));
			const [, row] = rows;
			const defused = (text: string): string => (/^(?:[\t\r]|\s*[=+\-@\uff1d])/.test(text) ? `'${text}` : text);
			return rows.length === 2 && rows.every((r) => r.length === 14) && row !== undefined
				&& row.every((cell) => !/^[=+\-@\t\r\uff1d]/.test(cell.trimStart()))
				&& row[0] === defused(name) && row[2] === defused(title) && row[12] === defused(`${name}.json`);
		}), propertyParams(t));
	});
});
