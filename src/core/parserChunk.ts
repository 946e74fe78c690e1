/**
 * Everything that reads YAML or JSON with a schema: the lesson parser, the workspace catalog, the assignments
 * file, the progress report and progress exports. The extension loads it on first use with `import('../../core/parserChunk')` (a separate
 * bundle, dist/parsers.js), so activation pays for neither the YAML library nor the validators.
 */
export { parseLesson } from './lessons/parseLesson';
export { buildWorkspaceCatalog, lintWorkspaceLesson } from './catalog/workspaceCatalog';
export { assignmentProgress, parseAssignments, resolveAssignments } from './team/assignments';
export { addAssignment } from './team/assignmentsEdit';
export { buildReport } from './team/learnerReport';
export { exportProgressText, parseProgressExport } from './progress/progressExport';
