import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintFiles, type LessonFile } from '../../../../src/core/catalog/catalog';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { lintTriggers } from '../../../../src/core/suggestions/triggerLint';

const QUIZ = '```quiz\nid: q1\ntype: single\nprompt: P\nexplain: E\nchoices:\n  - text: A\n    correct: true\n    explain: X\n  - text: B\n    correct: false\n    explain: X\n```\n';

function text(id: string, extra: string): string {
	return `---\nid: ${id}\ntitle: T\nsummary: S\n${extra}---\n\n## What a developer could have built\n\nText.\n\n${QUIZ}`;
}

const codes = (files: LessonFile[]): string[] => lintFiles(files).map((d) => `${d.code}@${d.file}:${d.line}`);

describe('front matter cwe and owasp', () => {
	it('reads ids and entries with a section and a why, with their lines', () => {
		const { lesson, diagnostics } = parseLesson(text('a', 'cwe:\n  - CWE-778\n  - {id: CWE-532, section: what-a-developer-could-have-built, why: Card numbers in logs.}\nowasp: [A09:2021]\n'), 'a.md');
		assert.deepEqual(diagnostics, []);
		assert.deepEqual(lesson?.meta.cwe, [
			{ id: 'CWE-778', line: 6 },
			{ id: 'CWE-532', line: 7, section: 'what-a-developer-could-have-built', why: 'Card numbers in logs.' },
		]);
		assert.deepEqual(lesson?.meta.owasp, ['A09:2021']);
	});

	it('leaves both out of the metadata when the front matter has none', () => {
		const { lesson } = parseLesson(text('a', ''), 'a.md');
		assert.equal(lesson?.meta.cwe, undefined);
		assert.equal(lesson?.meta.owasp, undefined);
	});

	for (const [what, extra] of [
		['a CWE id without the prefix', 'cwe: ["798"]\n'],
		['a lower-case CWE id', 'cwe: [cwe-798]\n'],
		['CWE-0', 'cwe: [CWE-0]\n'],
		['an entry without an id', 'cwe:\n  - {section: what-a-developer-could-have-built}\n'],
		['an entry whose id is a number', 'cwe:\n  - {id: 798}\n'],
		['an OWASP id of another year', 'owasp: [A01:2017]\n'],
		['A11:2021', 'owasp: [A11:2021]\n'],
		['an OWASP id given as a number', 'owasp: [1]\n'],
	] as const) {
		it(`rejects ${what}`, () => {
			const { lesson, diagnostics } = parseLesson(text('a', extra), 'a.md');
			assert.equal(lesson, undefined);
			assert.ok(diagnostics.some((d) => d.code === 'front-matter-schema'), JSON.stringify(diagnostics));
		});
	}

	it('reads an entry with an unknown key as the other keys are read: a warning, and the key is left out', () => {
		const { lesson, diagnostics } = parseLesson(text('a', 'cwe:\n  - {id: CWE-798, url: "command:x"}\n'), 'a.md');
		assert.deepEqual(diagnostics.map((d) => d.code), ['front-matter-unknown-key']);
		assert.deepEqual(lesson?.meta.cwe, [{ id: 'CWE-798', line: 6 }]);
	});

	it('says in one message what is wrong with an entry', () => {
		const { diagnostics } = parseLesson(text('a', 'cwe: ["798"]\n'), 'a.md');
		assert.deepEqual(diagnostics.map((d) => d.message), ['"cwe[0]" must be a CWE id such as CWE-284']);
	});

	it('warns when a cwe section names no heading', () => {
		const { lesson } = parseLesson(text('a', 'cwe:\n  - {id: CWE-778, section: nowhere}\n'), 'a.md');
		assert.ok(lesson);
		assert.deepEqual(lintTriggers(lesson, 'a.md').map((d) => `${d.code}:${d.line}`), ['cwe-unknown-section:6']);
	});

	it('requires translations to declare the same cwe and owasp ids, in any order and form', () => {
		const en: LessonFile = { file: 'lessons/en/a.md', locale: 'en', text: text('a', 'cwe: [CWE-778, CWE-284]\nowasp: [A01:2021]\n') };
		const same: LessonFile = { file: 'lessons/ja/a.md', locale: 'ja', text: text('a', 'cwe:\n  - CWE-284\n  - {id: CWE-778, why: 理由}\nowasp: [A01:2021]\n') };
		assert.deepEqual(codes([en, same]), []);
		const fewer: LessonFile = { ...same, text: text('a', 'cwe: [CWE-284]\nowasp: [A01:2021]\n') };
		assert.deepEqual(codes([en, fewer]), ['translation-mismatch@lessons/ja/a.md:5']);
		const otherOwasp: LessonFile = { ...same, text: text('a', 'cwe: [CWE-284, CWE-778]\nowasp: [A09:2021]\n') };
		const diagnostics = lintFiles([en, otherOwasp]);
		assert.equal(diagnostics.length, 1);
		assert.match(diagnostics[0]?.message ?? '', /"owasp" does not match the en version .*expected \[A01:2021\], found \[A09:2021\]/);
	});
});

describe('bundled lessons declare what they teach', () => {
	const root = path.join(__dirname, '..', '..', '..', '..', 'lessons');
	const files = ['en', 'ja'].flatMap((locale) => readdirSync(path.join(root, locale)).filter((f) => f.endsWith('.md'))
		.map((f) => ({ file: `lessons/${locale}/${f}`, locale, text: readFileSync(path.join(root, locale, f), 'utf8') })));

	it('at least 80% of the English lessons declare cwe, and every locale agrees', () => {
		const en = files.filter((f) => f.locale === 'en').map((f) => parseLesson(f.text, f.file, { locale: 'en' }).lesson);
		const declaring = en.filter((l) => (l?.meta.cwe?.length ?? 0) > 0).length;
		assert.ok(declaring / en.length >= 0.8, `${declaring} of ${en.length}`);
		assert.deepEqual(lintFiles(files).filter((d) => d.code === 'translation-mismatch'), []);
	});

	it('every cwe section names a heading of its lesson', () => {
		const problems = files.flatMap((f) => {
			const { lesson } = parseLesson(f.text, f.file, { locale: f.locale });
			return lesson ? lintTriggers(lesson, f.file).filter((d) => d.code === 'cwe-unknown-section') : [];
		});
		assert.deepEqual(problems, []);
	});
});
