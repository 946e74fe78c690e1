/**
 * Lint rules for lesson triggers that need the RE2 engine or the lesson body: patterns and globs that do not
 * compile (or are too costly), and sections (of triggers and of `cwe` entries) that name no heading. Kept out of the parser so that loading lessons
 * does not load re2js; the CLI's `lint` and the extension's diagnostics for workspace lessons run it. Pure.
 */
import type { LessonFile } from '../catalog/catalog';
import { lessonIdFromPath } from '../catalog/catalog';
import type { Diagnostic, Lesson } from '../lessons/lesson';
import { parseLesson } from '../lessons/parseLesson';
import { createDiagnostic } from '../lessons/rules';
import { headingSlugs } from '../page/slug';
import { compileGlob, compilePattern } from './triggerPattern';

/** Diagnostics for the triggers of a parsed lesson (`file` is how messages name it). */
export function lintTriggers(lesson: Lesson, file: string): Diagnostic[] {
	const diagnostics: Diagnostic[] = [];
	let slugs: ReadonlySet<string> | undefined;
	lesson.meta.triggers.forEach((trigger, index) => {
		const at = { line: trigger.line, column: trigger.column };
		const pattern = compilePattern(trigger.pattern);
		if (!pattern.ok) {
			diagnostics.push(createDiagnostic(file, 'trigger-invalid-pattern', `"triggers[${index}].pattern": ${pattern.message}`, at));
		}
		for (const glob of trigger.files) {
			const compiled = compileGlob(glob);
			if (!compiled.ok) {
				diagnostics.push(createDiagnostic(file, 'trigger-invalid-glob', `"triggers[${index}].files": "${glob}": ${compiled.message}`, at));
			}
		}
		if (trigger.section !== undefined) {
			slugs ??= new Set(headingSlugs(lesson.body));
			if (!slugs.has(trigger.section)) {
				const message = `"triggers[${index}].section" "${trigger.section}" is not the slug of a heading in this lesson`
					+ (slugs.size > 0 ? ` (headings: ${[...slugs].join(', ')})` : '');
				diagnostics.push(createDiagnostic(file, 'trigger-unknown-section', message, at));
			}
		}
	});
	for (const [index, weakness] of (lesson.meta.cwe ?? []).entries()) {
		slugs ??= new Set(headingSlugs(lesson.body));
		if (weakness.section !== undefined && !slugs.has(weakness.section)) {
			const message = `"cwe[${index}].section" "${weakness.section}" is not the slug of a heading in this lesson`;
			diagnostics.push(createDiagnostic(file, 'cwe-unknown-section', message, { line: weakness.line, column: 1 }));
		}
	}
	return diagnostics;
}

/** {@link lintTriggers} for every file that parses (files that do not parse get their errors from the parser). */
export function lintTriggerFiles(files: readonly LessonFile[]): Diagnostic[] {
	return files.flatMap(({ file, locale, text }) => {
		const { lesson } = parseLesson(text, file, { expectedId: lessonIdFromPath(file), locale });
		return lesson ? lintTriggers(lesson, file) : [];
	});
}
