/**
 * Fix-the-code exercises (docs/lesson-format.md, "Exercises"): the model, reading an exercise's files, and its checks.
 * The public module of the feature for the editor and the CLI. Importing it loads re2js (through the checks); the
 * lesson parser uses ./exerciseBlock directly and loads nothing of the kind.
 */
export { DEFAULT_SOLUTION_AFTER, EXERCISE_LIMITS, isExercisePath, isExerciseRef } from './exercise';
export type { Exercise, ExerciseCheck, ExerciseFileSpec, FileSource } from './exercise';
export { resolveExercise } from './resolve';
export type { ReadRelative, ResolvedExercise } from './resolve';
export { CHECK_BUDGET_MS, compileExercisePattern, runChecks } from './checks';
export type { CheckReport, CheckResult } from './checks';
export { lintExercise, lintExercises } from './exerciseLint';
