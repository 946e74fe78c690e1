import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { translateGlob } from '../../../../src/core/suggestions/glob';
import type { Lesson } from '../../../../src/core/lessons/lesson';
import { languageOfPath } from '../../../../src/core/suggestions/languages';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { renderLesson } from '../../../../src/core/page/render';
import { headingSlugs, slugify } from '../../../../src/core/page/slug';
import { lintTriggers } from '../../../../src/core/suggestions/triggerLint';
import { compileTriggers, scanDocument, type ScanOptions, type TriggerSource } from '../../../../src/core/suggestions/triggerMatch';
import { compileGlob, compilePattern } from '../../../../src/core/suggestions/triggerPattern';

const ROOT = path.join(__dirname, '..', '..', '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'triggers');
const SCAN: ScanOptions = { clock: () => performance.now(), budgetMs: 10_000, maxChars: 1_000_000, maxMatchesPerTrigger: 20 };

function fixtureLesson(relative: string): Lesson {
	const file = path.join(FIXTURES, relative);
	const { lesson, diagnostics } = parseLesson(readFileSync(file, 'utf8'), path.basename(file), { expectedId: path.basename(file, '.md') });
	assert.ok(lesson, JSON.stringify(diagnostics));
	return lesson;
}

function source(lesson: Lesson): TriggerSource {
	return { lessonId: lesson.meta.id, title: lesson.meta.title, triggers: lesson.meta.triggers };
}

function bundled(locale: 'en' | 'ja'): Lesson[] {
	const dir = path.join(ROOT, 'lessons', locale);
	return readdirSync(dir).map((name) => {
		const { lesson } = parseLesson(readFileSync(path.join(dir, name), 'utf8'), name, { expectedId: name.replace(/\.md$/, ''), locale });
		assert.ok(lesson, name);
		return lesson;
	});
}

describe('triggers in front matter', () => {
	it('parses languages, files, pattern, why and section, with the line and column of each pattern', () => {
		const { triggers } = fixtureLesson('lessons/en/csv-exports.md').meta;
		assert.deepEqual(triggers.map((t) => [t.languages, t.files, t.pattern, t.section, t.line, t.column]), [
			[['python'], [], '\\.to_csv\\(', 'exports-and-audit', 7, 14],
			[[], ['**/*.sql'], '(?i)select\\s+\\*\\s+from\\s+customers', undefined, 11, 14],
			[['shellscript'], ['deploy/**'], '\\bmysqldump\\b', undefined, 15, 14],
		]);
	});

	it('is an empty list when a lesson has none', () => {
		const text = '---\nid: x\ntitle: X\nsummary: S\n---\n```quiz\nid: q\ntype: single\nprompt: P\nchoices:\n  - text: A\n    correct: true\n    explain: E\n  - text: B\n    explain: E\n```\n';
		assert.deepEqual(parseLesson(text, 'x.md').lesson?.meta.triggers, []);
	});

	it('rejects a trigger without why, an unknown key and more than 20 languages through the schema', () => {
		const languages = Array.from({ length: 21 }, (_, i) => `lang${i}`).join(', ');
		const text = `---\nid: x\ntitle: X\nsummary: S\ntriggers:\n  - pattern: a\n  - pattern: b\n    why: W\n    regex: c\n  - pattern: d\n    why: W\n    languages: [${languages}]\n---\n`;
		const found = parseLesson(text, 'x.md').diagnostics.map((d) => `${d.code}@${d.line}`);
		assert.deepEqual(found.filter((d) => d !== 'lesson-no-quiz@1'), ['front-matter-schema@6', 'front-matter-unknown-key@9', 'front-matter-schema@12']);
	});
});

describe('trigger lint', () => {
	it('reports invalid patterns and globs with the pattern line, and unknown sections as warnings', () => {
		const lesson = fixtureLesson('bad/bad-triggers.md');
		const found = lintTriggers(lesson, 'bad-triggers.md').map((d) => `${d.code}@${d.line}:${d.severity}`);
		assert.deepEqual(found, [
			'trigger-invalid-pattern@6:error',
			'trigger-invalid-pattern@8:error',
			'trigger-invalid-glob@11:error',
			'trigger-unknown-section@13:warning',
		]);
		const messages = lintTriggers(lesson, 'bad-triggers.md').map((d) => d.message);
		assert.match(messages[0] ?? '', /not a valid RE2 pattern.*no lookahead or lookbehind/);
		assert.match(messages[1] ?? '', /matches empty text/);
		assert.match(messages[2] ?? '', /cannot be nested/);
		assert.match(messages[3] ?? '', /headings: broken-triggers, only-heading/);
	});

	it('accepts the fixture lesson and every bundled lesson', () => {
		assert.deepEqual(lintTriggers(fixtureLesson('lessons/en/csv-exports.md'), 'csv-exports.md'), []);
		for (const lesson of [...bundled('en'), ...bundled('ja')]) {
			assert.deepEqual(lintTriggers(lesson, lesson.meta.id), [], `${lesson.locale}/${lesson.meta.id}`);
		}
	});

	it('limits pattern length and program size', () => {
		assert.match(compilePattern('a'.repeat(301)).ok ? '' : 'long', /long/);
		const complex = compilePattern('(?:[a-z]{1,50}x){20}');
		assert.equal(complex.ok, false);
		assert.match(complex.ok ? '' : complex.message, /too complex/);
		assert.equal(compilePattern('(a+)+$').ok, true, 'nested quantifiers are fine on RE2');
	});
});

describe('globs', () => {
	const matches = (glob: string, file: string): boolean => {
		const compiled = compileGlob(glob);
		assert.ok(compiled.ok, glob);
		return compiled.test(file);
	};

	it('match file names without a slash and whole paths with one', () => {
		assert.equal(matches('*.sql', 'db/reports/q.sql'), true);
		assert.equal(matches('**/*.sql', 'q.sql'), true);
		assert.equal(matches('**/*.sql', 'db/reports/q.sql'), true);
		assert.equal(matches('db/*.sql', 'db/reports/q.sql'), false);
		assert.equal(matches('db/**/*.sql', 'db/reports/q.sql'), true);
		assert.equal(matches('infra/**/*.{tf,tfvars}', 'infra/prod/main.tfvars'), true);
		assert.equal(matches('*.[jt]s', 'src/a.ts'), true);
		assert.equal(matches('*.[!jt]s', 'src/a.ts'), false);
		assert.equal(matches('deploy/**', 'deploy/scripts/run.sh'), true);
		assert.equal(matches('./src/?.py', 'src/a.py'), true);
		assert.equal(matches('*.sql', 'db\\windows\\q.sql'), true, 'backslashes are folder separators');
		assert.equal(matches('a+b.(x)', 'a+b.(x)'), true, 'punctuation is literal');
	});

	it('reject unclosed classes and braces, nesting and empty globs', () => {
		for (const glob of ['[abc', '{a,b', '{a,{b}}', '', '[]']) {
			assert.equal(translateGlob(glob).ok, false, glob);
		}
	});
});

describe('matching', () => {
	const lesson = fixtureLesson('lessons/en/csv-exports.md');
	const index = compileTriggers([source(lesson)]);

	it('matches by language, by glob, and needs the glob when a trigger has only globs', () => {
		const python = scanDocument(index, { path: 'app/export.py', languageId: 'python', text: 'import pandas\n\ndf.to_csv("out.csv")\n' }, SCAN);
		assert.deepEqual(python.matches.map((m) => [m.lessonId, m.line, m.start, m.end, m.section]), [['csv-exports', 3, 2, 10, 'exports-and-audit']]);
		const sql = 'select 1;\nSELECT *  FROM customers;\n';
		assert.deepEqual(scanDocument(index, { path: 'db/report.sql', languageId: 'sql', text: sql }, SCAN).matches.map((m) => m.line), [2]);
		assert.deepEqual(scanDocument(index, { path: 'db/report.txt', languageId: 'plaintext', text: sql }, SCAN).matches, []);
		assert.deepEqual(scanDocument(index, { path: 'deploy/backup.sh', languageId: 'plaintext', text: 'mysqldump db' }, SCAN).matches.length, 1);
	});

	it('matches within a line, with ^ and $ at line boundaries, in CRLF files too', () => {
		const anchored = compileTriggers([{ lessonId: 'l', title: 'L', triggers: [{ languages: [], files: [], pattern: '^end$', why: 'w', line: 1, column: 1 }] }]);
		const found = scanDocument(anchored, { path: 'a', languageId: '', text: 'start\r\nend\r\nthe end\r\n' }, SCAN);
		assert.deepEqual(found.matches.map((m) => m.line), [2]);
	});

	it('reports each trigger at most maxMatchesPerTrigger times, in line order', () => {
		const text = Array.from({ length: 500 }, (_, i) => (i % 2 ? 'df.to_csv(x)' : 'pass')).join('\n');
		const result = scanDocument(index, { path: 'a.py', languageId: 'python', text }, { ...SCAN, maxMatchesPerTrigger: 5 });
		assert.deepEqual(result.matches.map((m) => m.line), [2, 4, 6, 8, 10]);
		assert.equal(result.status, 'complete');
	});

	it('skips files over the size cap and stops at the time budget, keeping what it found', () => {
		assert.deepEqual(scanDocument(index, { path: 'a.py', languageId: 'python', text: 'x'.repeat(101) }, { ...SCAN, maxChars: 100 }), { matches: [], status: 'tooLarge' });
		let now = 0;
		const slowClock = (): number => (now += 30);
		const text = Array.from({ length: 1000 }, () => 'df.to_csv(x)').join('\n');
		const result = scanDocument(index, { path: 'a.py', languageId: 'python', text }, { ...SCAN, clock: slowClock, budgetMs: 50, maxMatchesPerTrigger: 1000 });
		assert.equal(result.status, 'timedOut');
		assert.ok(result.matches.length > 0 && result.matches.length < 1000, `${result.matches.length} matches before the budget ran out`);
	});

	it('resumes a scan stopped by the budget where it stopped, ending with the same matches as one pass', () => {
		const text = Array.from({ length: 1000 }, (_, i) => (i % 7 === 0 ? 'df.to_csv(x)' : 'pass')).join('\n');
		const doc = { path: 'a.py', languageId: 'python', text };
		const whole = scanDocument(index, doc, { ...SCAN, maxMatchesPerTrigger: 1000 });
		let now = 0;
		const options = { ...SCAN, maxMatchesPerTrigger: 1000, budgetMs: 50, clock: (): number => (now += 30) };
		let sliced = scanDocument(index, doc, options);
		let slices = 1;
		while (sliced.status === 'timedOut' && sliced.resumeAt !== undefined) {
			sliced = scanDocument(index, doc, { ...options, resume: { at: sliced.resumeAt, matches: sliced.matches } });
			slices++;
		}
		assert.ok(slices > 3, `${slices} slices`);
		assert.equal(sliced.status, 'complete');
		assert.deepEqual(sliced.matches, whole.matches);
		const capped = scanDocument(index, doc, { ...options, maxMatchesPerTrigger: 3, resume: { at: { group: 0, line: 100 }, matches: whole.matches.slice(0, 3) } });
		assert.equal(capped.matches.length, 3, 'the per-trigger cap counts the matches carried over');
	});

	it('does not search lines longer than 1,000 characters (minified code)', () => {
		const text = `${'x'.repeat(1000)}df.to_csv(x)\ndf.to_csv(y)`;
		assert.deepEqual(scanDocument(index, { path: 'a.py', languageId: 'python', text }, SCAN).matches.map((m) => m.line), [2]);
	});

	it('leaves unusable triggers out and says why', () => {
		const bad = compileTriggers([source(fixtureLesson('bad/bad-triggers.md'))]);
		assert.deepEqual(bad.problems.map((p) => p.line), [6, 8, 11]);
		assert.equal(bad.triggers.length, 1);
	});

	it('runs a catastrophic-backtracking pattern in linear time', () => {
		// (a+)+$ takes exponential time on a backtracking engine for "aaaa…!"; RE2 takes time linear in the input.
		const evil = compileTriggers([{ lessonId: 'evil', title: 'E', triggers: [{ languages: [], files: [], pattern: '(a+)+$', why: 'w', line: 1, column: 1 },
			{ languages: [], files: [], pattern: '(a|aa)*b', why: 'w', line: 2, column: 1 }] }]);
		const time = (n: number): number => {
			const text = Array.from({ length: 20 }, () => `${'a'.repeat(n)}!`).join('\n');
			const started = performance.now();
			const result = scanDocument(evil, { path: 'x', languageId: '', text }, SCAN);
			assert.equal(result.matches.length, 0);
			return performance.now() - started;
		};
		time(1000); // warm up the engine
		const small = time(2000);
		const large = time(8000);
		assert.ok(large < 1000, `4× the input took ${large.toFixed(1)} ms`);
		assert.ok(large < Math.max(small, 1) * 16, `time grows linearly, not exponentially: ${small.toFixed(1)} ms → ${large.toFixed(1)} ms`);
	});
});

describe('bundled lessons', () => {
	it('every developer lesson has triggers, and the Japanese version has the same ones (why and section translated)', () => {
		const ja = new Map(bundled('ja').map((l) => [l.meta.id, l]));
		for (const lesson of bundled('en')) {
			// Only code that honestly relates to a case triggers it: a lead's lesson on notification has none.
			assert.ok(lesson.meta.track !== 'developer' || lesson.meta.triggers.length >= 1, `${lesson.meta.id} has triggers`);
			const strip = (l: Lesson | undefined): unknown => l?.meta.triggers.map(({ languages, files, pattern }) => ({ languages, files, pattern }));
			assert.deepEqual(strip(ja.get(lesson.meta.id)), strip(lesson), lesson.meta.id);
			const jaSections = ja.get(lesson.meta.id)?.meta.triggers.map((t) => t.section !== undefined);
			assert.deepEqual(jaSections, lesson.meta.triggers.map((t) => t.section !== undefined));
		}
	});

	it('match the code they were written for', () => {
		const index = compileTriggers(bundled('en').map(source));
		assert.deepEqual(index.problems, []);
		const cases: [string, string, string, string][] = [
			['db/report.sql', 'sql', 'SELECT * FROM customers WHERE 1=1;', 'non-life-insurers-insider-leak'],
			['app/export.py', 'python', 'frame.to_csv("customers.csv")', 'non-life-insurers-insider-leak'],
			['app/mail.py', 'python', 'msg.add_attachment(data, filename="list.xlsx")', 'private-gmail-customer-list'],
			['scripts/copy.sh', 'shellscript', 'cp customers.db /media/usb0/', 'leaver-usb-customer-db'],
			['infra/trail.tf', 'terraform', '  enable_logging = false', 'long-dwell-intrusions'],
			['infra/policy.json', 'json', '{ "Effect": "Allow", "Action": "*", "Resource": "*" }', 'controls-that-stop-leaks'],
			['src/config.ts', 'typescript', 'const password = "Winter2024!";', 'axa-non-life-unauthorized-access'],
			['ops/cleanup.ps1', 'powershell', 'vssadmin delete shadows /all /quiet', 'ransomware-via-email'],
			['pos/charge.ts', 'typescript', 'logger.info(`charging ${cardNumber}`);', 'pos-card-data-skimming'],
		];
		for (const [file, languageId, text, lessonId] of cases) {
			const found = scanDocument(index, { path: file, languageId, text }, SCAN).matches.map((m) => m.lessonId);
			assert.ok(found.includes(lessonId), `${file}: ${text} → ${found.join(', ') || 'nothing'}`);
		}
		assert.deepEqual(scanDocument(index, { path: 'README.md', languageId: 'markdown', text: 'SELECT * FROM customers' }, SCAN).matches, []);
	});

	it('name sections the renderer gives ids to', () => {
		for (const lesson of [...bundled('en'), ...bundled('ja')]) {
			const ids = new Set([...renderLesson(lesson).matchAll(/ id="il-h-([^"]+)"/g)].map((m) => m[1]));
			assert.deepEqual([...ids], headingSlugs(lesson.body), lesson.meta.id);
			for (const t of lesson.meta.triggers) {
				assert.ok(t.section === undefined || ids.has(t.section), `${lesson.locale}/${lesson.meta.id}: ${t.section}`);
			}
		}
	});
});

describe('slugs and languages', () => {
	it('slugify as the renderer does, in any script', () => {
		assert.equal(slugify('What a developer could have built'), 'what-a-developer-could-have-built');
		assert.equal(slugify('Japan\'s APPI: when you must report'), 'japan-s-appi-when-you-must-report');
		assert.equal(slugify('個人情報保護法：報告が必要になるとき'), '個人情報保護法-報告が必要になるとき');
		assert.deepEqual(headingSlugs('# A\n```\n# not a heading\n```\n## A\n### B ###'), ['a', 'a-2', 'b']);
	});

	it('agree with the renderer on repeated and suffix-like headings, in linear time', () => {
		const headings = ['## A', '## A', '## A-2', '## B-3', '## B', '## B', '## B', ...Array.from({ length: 3000 }, () => '## Same')];
		const text = `---\nid: x\ntitle: X\nsummary: S\n---\n${headings.join('\n\n')}\n\n\`\`\`quiz\nid: q\ntype: single\nprompt: P\nchoices:\n  - text: A\n    correct: true\n    explain: E\n  - text: B\n    explain: E\n\`\`\`\n`;
		const { lesson } = parseLesson(text, 'x.md');
		assert.ok(lesson);
		const started = performance.now();
		const slugs = headingSlugs(lesson.body);
		assert.ok(performance.now() - started < 500, 'linear in the number of headings');
		assert.deepEqual(slugs, [...renderLesson(lesson).matchAll(/ id="il-h-([^"]+)"/g)].map((m) => m[1]));
		assert.deepEqual(slugs.slice(0, 7), ['a', 'a-2', 'a-2-2', 'b-3', 'b', 'b-2', 'b-4']);
	});

	it('knows the language of common file names', () => {
		assert.deepEqual(['a.ts', 'b/C.PY', 'Dockerfile', 'x.tf', 'q.sql', 'noext', '.env'].map(languageOfPath),
			['typescript', 'python', 'dockerfile', 'terraform', 'sql', '', '']);
	});
});
