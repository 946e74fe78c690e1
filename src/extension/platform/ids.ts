/**
 * The ids of the extension's commands, as contributed in package.json (a host test checks the two agree). Kept apart
 * from the code that registers them, so a tree row or a status bar item names a command without importing it.
 */
export const Command = {
	OpenLesson: 'incidentLessons.openLesson',
	NextLesson: 'incidentLessons.nextLesson',
	ResetLessonProgress: 'incidentLessons.resetLessonProgress',
	ResetAllProgress: 'incidentLessons.resetAllProgress',
	GroupByTrack: 'incidentLessons.groupByTrack',
	GroupByIncident: 'incidentLessons.groupByIncident',
	ShowLog: 'incidentLessons.showLog',
	ChangeLessonLanguage: 'incidentLessons.changeLessonLanguage',
	// registered by the features' own register.ts (team, lessons, progress, onboarding)
	AssignLessons: 'incidentLessons.assignLessons',
	NewLesson: 'incidentLessons.newLesson',
	PreviewLesson: 'incidentLessons.previewLesson',
	ExportReport: 'incidentLessons.exportReport',
	ShowProgress: 'incidentLessons.showProgress',
	ShowAssigned: 'incidentLessons.showAssigned',
	ExportProgress: 'incidentLessons.exportProgress',
	ImportProgress: 'incidentLessons.importProgress',
	StartOnboarding: 'incidentLessons.startOnboarding',
	// reviews: src/extension/reviews/register.ts
	StartReview: 'incidentLessons.startReview',
	// learning records for an LRS: src/extension/xapi/register.ts
	SetLrsCredentials: 'incidentLessons.setLrsCredentials',
	// exercises: src/extension/exercises/register.ts
	StartExercise: 'incidentLessons.startExercise',
	CheckExercise: 'incidentLessons.checkExercise',
	ResetExercise: 'incidentLessons.resetExercise',
	ShowExerciseHint: 'incidentLessons.showExerciseHint',
	ShowExerciseSolution: 'incidentLessons.showExerciseSolution',
	SaveExerciseCopy: 'incidentLessons.saveExerciseCopy',
} as const;
