// A bundled lesson's exercises passed through the real UI, as a learner does: Start exercise, the reference
// solution written into each file it opened, Check my fix. Exercises count toward a lesson's pass like quizzes, so
// the e2e files that pass a lesson use this.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { decompress } from 'fzstd';
import { ROOT, webviewFrame } from './codeServer.mjs';

/** Path → text of an exercise's files once fixed: its starter with the reference solution over it, from the built pack. */
export function solutionFiles(lessonId, exerciseId, locale = 'en') {
	// dist/lessons.json.zst: a header line naming the locales, then one pack per line (src/core/catalog/lessonPack.ts).
	const [header, ...packs] = new TextDecoder().decode(decompress(readFileSync(path.join(ROOT, 'dist', 'lessons.json.zst')))).split('\n');
	const pack = JSON.parse(packs[JSON.parse(header).locales.indexOf(locale)] ?? '{"lessons":{}}');
	const exercise = pack.lessons[lessonId]?.exercises.find((e) => e.id === exerciseId);
	if (!exercise) {
		throw new Error(`the ${locale} pack has no exercise ${lessonId}/${exerciseId}`);
	}
	const files = new Map(exercise.files.map((f) => [f.path, f.starter.text]));
	for (const s of exercise.solution) {
		files.set(s.path, s.content.text);
	}
	return files;
}

/**
 * Passes every exercise of the lesson open in the panel (`lessonId`, bundled, in `locale`); `solutions` gives an
 * exercise's fixed files (a workspace lesson's come from its own file).
 */
export async function passExercises(page, lessonId, locale = 'en', solutions = (exerciseId) => solutionFiles(lessonId, exerciseId, locale)) {
	const wv = webviewFrame(page);
	for (const section of await wv.locator('.il-exercise').all()) {
		const exerciseId = await section.getAttribute('data-exercise-id');
		await section.locator('[data-action="start"]').click();
		for (const [file, text] of solutions(exerciseId)) {
			const tab = page.locator('.tabs-container .tab', { hasText: file.split('/').at(-1) }).first();
			await tab.waitFor({ timeout: 30_000 });
			await tab.click();
			await page.locator('.editor-group-container.active .monaco-editor .view-lines').first().click();
			await page.keyboard.press('Control+A');
			await page.keyboard.press('Delete');
			await page.keyboard.insertText(text);
		}
		await page.locator('.tabs-container .tab', { hasText: 'Incident Lessons:' }).first().click();
		await section.locator('[data-action="check"]').click();
		await wv.locator(`.il-exercise.is-passed[data-exercise-id="${exerciseId}"]`).waitFor({ timeout: 30_000 });
	}
}
