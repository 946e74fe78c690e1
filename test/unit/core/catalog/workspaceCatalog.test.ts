import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LessonFile } from '../../../../src/core/catalog/catalog';
import { lessonIdFromTitle, lessonTemplate } from '../../../../src/core/lessons/lessonTemplate';
import { parseLesson } from '../../../../src/core/lessons/parseLesson';
import { buildWorkspaceCatalog, lintWorkspaceLesson } from '../../../../src/core/catalog/workspaceCatalog';

function lesson(id: string, title = id): string {
	return `---\nid: ${id}\ntitle: ${title}\nsummary: S\ntrack: team\n---\n\n\`\`\`quiz\nid: q\ntype: single\nprompt: P\nchoices:\n  - text: A\n    correct: true\n    explain: a\n  - text: B\n    explain: b\n\`\`\`\n`;
}

function file(id: string, text = lesson(id)): LessonFile {
	return { file: `.incident-lessons/lessons/${id}.md`, locale: 'und', text };
}

describe('workspace lessons', () => {
	it('are parsed like bundled lessons', () => {
		const { lessons, diagnostics, fileOf } = buildWorkspaceCatalog([file('team-deploy-keys'), file('our-outage')], 'en', new Set(['axa']));
		assert.deepEqual(diagnostics, []);
		assert.deepEqual(lessons.map((l) => `${l.meta.id}:${l.locale}`), ['our-outage:und', 'team-deploy-keys:und']);
		assert.equal(fileOf.get('our-outage'), '.incident-lessons/lessons/our-outage.md');
	});

	it('never take a bundled lesson\'s id: the file gets an error on its id line and is left out', () => {
		const { lessons, diagnostics } = buildWorkspaceCatalog([file('axa'), file('mine')], 'en', new Set(['axa']));
		assert.deepEqual(lessons.map((l) => l.meta.id), ['mine']);
		assert.deepEqual(diagnostics.map((d) => `${d.file}:${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity} ${d.code}`),
			['.incident-lessons/lessons/axa.md:2:1-2:7 error duplicate-lesson-id']);
		assert.match(diagnostics[0]?.message ?? '', /already used by a lesson bundled with Incident Lessons/);
	});

	it('report their own problems while being edited, including a clash with a bundled id', () => {
		const broken = lesson('broken-lesson').replace('id: broken-lesson', 'id: broken-lessn').replace('correct: true', 'correct: false');
		assert.deepEqual(lintWorkspaceLesson(file('broken-lesson', broken), new Set()).map((d) => `${d.code}@${d.line}:${d.column}`), ['id-mismatch@2:5', 'quiz-no-correct@12:1']);
		assert.deepEqual(lintWorkspaceLesson(file('axa'), new Set(['axa'])).map((d) => d.code), ['duplicate-lesson-id']);
	});
});

describe('new lesson template', () => {
	it('passes the linter as it is, in any language', () => {
		for (const title of ['Our deploy key in a public gist', '公開 Gist に載ったデプロイキー', 'Quotes " and: colons']) {
			const { lesson, diagnostics } = parseLesson(lessonTemplate('team-lesson', title), 'team-lesson.md', { expectedId: 'team-lesson' });
			assert.deepEqual(diagnostics, [], title);
			assert.equal(lesson?.meta.title, title);
			assert.equal(lesson?.quizzes.length, 1);
		}
	});

	it('suggests a kebab-case id from the title', () => {
		assert.equal(lessonIdFromTitle('Our deploy key in a public gist!'), 'our-deploy-key-in-a-public-gist');
		assert.equal(lessonIdFromTitle('Café outage — 2026'), 'cafe-outage-2026');
		assert.equal(lessonIdFromTitle('公開 Gist'), 'gist');
		assert.equal(lessonIdFromTitle('デプロイキー'), '');
		assert.equal(lessonIdFromTitle('a'.repeat(80)).length, 64);
	});
});
