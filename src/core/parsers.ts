/**
 * Everything that reads YAML or JSON with a schema: the lesson parser, the workspace catalog, the assignments
 * file and the progress report. The extension loads it on first use with `import('../core/parsers')` (a separate
 * bundle, dist/parsers.js), so activation pays for neither the YAML library nor the validators.
 */
export { parseLesson } from './parseLesson';
export { buildWorkspaceCatalog, lintWorkspaceLesson } from './workspaceCatalog';
export { assignmentProgress, parseAssignments, resolveAssignments } from './assignments';
export { addAssignment } from './assignmentsEdit';
export { buildReport } from './report';
