/**
 * Everything that runs RE2 patterns (re2js, linear time): the trigger matcher of code-linked lessons and the checks
 * of exercises. One chunk (dist/patterns.js), so re2js ships and loads once; the extension imports it with
 * `import('../../core/patternChunk')` on first use.
 */
export { compileTriggers, scanDocument } from './suggestions/triggerMatch';
export { resolveExercise, runChecks } from './exercises';
