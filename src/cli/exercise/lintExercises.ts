/** The exercise part of `incident-lessons lint`: patterns, referenced files and consistency (see core/exercises). */
import { lessonIdFromPath, type LessonFile } from '../../core/catalog/catalog';
import { lintExercises } from '../../core/exercises';
import type { Diagnostic } from '../../core/lessons/lesson';
import { parseLesson } from '../../core/lessons/parseLesson';
import { lessonFileReader } from './readRelative';

/** A lesson file read by `lint`, with where it is on disk (referenced files are relative to it). */
export interface LocatedLessonFile extends LessonFile {
	readonly absolute: string;
}

/** An opening ```exercise fence somewhere in the text: only such files are parsed once more here. */
const EXERCISE_FENCE = /^ {0,3}(?:`{3,}|~{3,})[ \t]*exercise(?:[ \t]|$)/m;

/** Lints the exercises of every file that parses (files that do not parse get their errors from the parser). */
export async function lintExerciseFiles(files: readonly LocatedLessonFile[]): Promise<Diagnostic[]> {
	const diagnostics: Diagnostic[] = [];
	for (const { file, locale, text, absolute } of files) {
		if (!EXERCISE_FENCE.test(text)) {
			continue;
		}
		const { lesson } = parseLesson(text, file, { expectedId: lessonIdFromPath(file), locale });
		if (lesson && lesson.exercises.length > 0) {
			diagnostics.push(...await lintExercises(lesson, file, lessonFileReader(absolute)));
		}
	}
	return diagnostics;
}
