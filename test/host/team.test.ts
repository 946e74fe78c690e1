// Team features in the real extension host, on the test workspace (test/fixtures/workspace, copied fresh per run):
// a lead's assignments file, the team's own lessons (one valid, one broken), diagnostics, commands, Restricted Mode.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseLesson } from '../../src/core/lessons/parseLesson';
import { Command } from '../../src/extension/platform/ids';
import type { TreeSnapshotNode } from '../../src/extension/tree/treeSnapshot';
import { eventually, extensionApi as api, EXTENSION_ID, resetAllProgress, revertDocument, setDocumentText, waitFor, workspaceFolderUri as folder, testingApi } from './helpers';

const file = (...parts: string[]): vscode.Uri => vscode.Uri.joinPath(folder(), '.incident-lessons', ...parts);
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));

const group = (tree: readonly TreeSnapshotNode[], label: string): TreeSnapshotNode | undefined => tree.find((n) => n.label === label);

/** `YYYY-MM-DD` `days` from today, in local time as the extension counts it. */
function dayFromToday(days: number): string {
	const d = new Date();
	d.setDate(d.getDate() + days);
	return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function diagnosticsOf(uri: vscode.Uri): Promise<vscode.Diagnostic[]> {
	return Promise.resolve(vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'incident-lessons'));
}

function rangeOf(d: vscode.Diagnostic): string {
	return `${typeof d.code === 'string' ? d.code : ''}@${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;
}

/** Waits until the problems of `uri` are exactly `expected`: a file read while it is being written shows others first. */
const problemsToBe = (uri: vscode.Uri, expected: readonly string[], what: string): Promise<vscode.Diagnostic[]> =>
	eventually(() => diagnosticsOf(uri), (d) => d.map(rangeOf).join() === expected.join(), what);
const ASSIGNMENTS_PROBLEMS = ['assignments-unknown-lesson@9:41-9:57']; // the files as committed
const BROKEN_LESSON_PROBLEMS = ['id-mismatch@1:4-1:16', 'quiz-no-correct@13:0-13:7'];

suite('Team assignments and workspace lessons', () => {
	let original = '';

	suiteSetup(async () => {
		await resetAllProgress();
		original = await read(file('assignments.json'));
	});

	teardown(async () => {
		// a failed test's unsaved edits must not follow the next test
		await Promise.all(vscode.workspace.textDocuments.filter((d) => d.isDirty && d.uri.scheme === 'file').map((d) => revertDocument(d.uri)));
		if (await read(file('assignments.json')) !== original) {
			await write(file('assignments.json'), original);
			await problemsToBe(file('assignments.json'), ASSIGNMENTS_PROBLEMS, 'the restored assignments file to be read');
		}
		await vscode.workspace.getConfiguration('incidentLessons').update('audiences', undefined, vscode.ConfigurationTarget.Global);
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});

	suiteTeardown(async () => {
		await resetAllProgress();
	});

	test('the harness trusts the workspace and the manifest declares limited support for untrusted ones', () => {
		assert.equal(vscode.workspace.isTrusted, true);
		const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { capabilities?: { untrustedWorkspaces?: { supported?: unknown } } };
		assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, 'limited');
	});

	test('the view shows Assigned first, then the workspace lessons, then the bundled tracks', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const tree = await eventually(() => testing.treeSnapshot(), (t) => t[0]?.label === 'Assigned', 'the Assigned group');
		assert.deepEqual(tree.slice(0, 3).map((n) => n.label), ['Assigned', 'Workspace lessons', 'Onboarding']);
		assert.deepEqual(group(tree, 'Workspace lessons')?.children?.map((n) => n.label), ['Our deploy key in a public gist']);
		const lessons = await lessonsApi.listLessons();
		assert.deepEqual(lessons.filter((l) => l.origin === 'workspace').map((l) => l.id), ['team-deploy-keys']);
		assert.ok(!lessons.some((l) => l.id === 'broken-lesson' || l.id === 'broken-lessn'), 'a lesson with errors is not listed');
	});

	test('the assignments file drives the Assigned group (due dates, overdue) and the status bar', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		assert.deepEqual((await lessonsApi.assignedLessons()).map((a) => `${a.lessonId}:${a.due}`), [
			'private-gmail-customer-list:2025-01-31', 'team-deploy-keys:2025-01-31', 'incident-response-appi:2099-12-31',
		], 'the new-hires assignment is not this learner\'s');
		const assigned = group(await testing.treeSnapshot(), 'Assigned');
		assert.equal(assigned?.description, '0/3 · 2 overdue');
		// the due date leads the label (a narrow view cuts descriptions first)
		assert.deepEqual(assigned?.children?.map((n) => [n.label, n.description, n.contextValue]), [
			['Jan 31, 2025 · The customer list in a private Gmail account', 'overdue', 'lesson.notStarted.assigned.overdue'],
			['Jan 31, 2025 · Our deploy key in a public gist', 'overdue', 'lesson.notStarted.assigned.overdue'],
			['Dec 31, 2099 · When a leak is suspected: the first days, and Japan\'s APPI reporting duty', '', 'lesson.notStarted.assigned'],
		]);
		await waitFor(() => testing.assignedStatusBarText() === '$(checklist) Assigned 0/3 · 2 overdue', 'the assigned status bar item');
	});

	test('passing an assigned lesson checks it off in the group and the status bar', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const lesson = parseLesson(await read(file('lessons', 'team-deploy-keys.md')), 'team-deploy-keys.md').lesson;
		assert.ok(lesson);
		for (const quiz of lesson.quizzes) {
			const right = quiz.type === 'order' ? quiz.steps.map((_, i) => i) : quiz.choices.flatMap((c, i) => (c.correct ? [i] : []));
			assert.equal((await lessonsApi.answer('team-deploy-keys', quiz.id, right))?.correct, true);
		}
		await waitFor(() => testing.assignedStatusBarText() === '$(checklist) Assigned 1/3 · 1 overdue', 'the pass to count');
		const row = group(await testing.treeSnapshot(), 'Assigned')?.children?.find((n) => n.id === 'assigned:team-deploy-keys');
		assert.deepEqual([row?.label, row?.description, row?.contextValue], ['Our deploy key in a public gist', 'done', 'lesson.passed.hasProgress.assigned']);
		await resetAllProgress();
	});

	test('joining the new-hires audience adds the onboarding track to the assignments', async () => {
		const lessonsApi = await api();
		await vscode.workspace.getConfiguration('incidentLessons').update('audiences', ['new-hires'], vscode.ConfigurationTarget.Global);
		const assigned = await eventually(() => lessonsApi.assignedLessons(), (a) => a.length === 5, 'the onboarding track');
		assert.deepEqual(assigned.map((a) => `${a.lessonId}:${a.due}`), [
			'private-gmail-customer-list:2025-01-31', 'team-deploy-keys:2025-01-31',
			'leaver-usb-customer-db:2099-06-30', 'ransomware-via-email:2099-06-30', 'incident-response-appi:2099-12-31',
		]);
		assert.equal(assigned[2]?.audience, 'new-hires');
	});

	test('a changed assignments file on disk (a pull) updates the view and the status bar without a reload', async () => {
		const testing = await testingApi();
		const due = dayFromToday(3);
		const weekday = new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' }).format(new Date(`${due}T00:00:00Z`));
		await write(file('assignments.json'), JSON.stringify({ version: 1, assignments: [{ lessons: ['ransomware-via-email', 'long-dwell-intrusions'], due }] }, undefined, '\t'));
		await waitFor(() => testing.assignedStatusBarText() === `$(checklist) Assigned 0/2 · due ${weekday}`, `"Assigned 0/2 · due ${weekday}"`);
		const assigned = group(await testing.treeSnapshot(), 'Assigned');
		assert.deepEqual(assigned?.children?.map((n) => n.label.split(' · ')[0]), [weekday, weekday]);
		await write(file('assignments.json'), JSON.stringify({ version: 1, assignments: [] }));
		await eventually(() => testing.treeSnapshot(), (t) => group(t, 'Assigned') === undefined, 'the Assigned group to go');
		assert.equal(testing.assignedStatusBarText(), '');
	});

	test('Assign Lessons adds to the file, keeping what the lead wrote, and the view follows', async () => {
		const lessonsApi = await api();
		const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.AssignLessons, { lessons: ['pos-card-data-skimming'], tracks: ['team'], due: '2099-12-31' });
		assert.equal(uri?.toString(), file('assignments.json').toString());
		const text = await read(file('assignments.json'));
		assert.ok(text.startsWith(original.slice(0, original.indexOf('"incident-response-appi"'))), 'the first entry is untouched');
		assert.match(text, /"lessons": \["incident-response-appi", "no-such-lesson", "pos-card-data-skimming"\],\n\t\t\t"due": "2099-12-31",\n\t\t\t"tracks": \["team"\]/);
		await eventually(() => lessonsApi.assignedLessons(), (a) => a.some((x) => x.lessonId === 'pos-card-data-skimming'), 'the new assignment');
	});

	test('the workspace lesson with errors and the unknown assigned id show in the Problems panel with their ranges', async () => {
		const broken = file('lessons', 'broken-lesson.md');
		const lessonDiagnostics = await problemsToBe(broken, BROKEN_LESSON_PROBLEMS, 'diagnostics of broken-lesson.md');
		assert.deepEqual(lessonDiagnostics.map((d) => d.severity), [vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Error]);
		assert.match(lessonDiagnostics[0]?.message ?? '', /id "broken-lessn" does not match the file name/);
		const assignments = await problemsToBe(file('assignments.json'), ASSIGNMENTS_PROBLEMS, 'diagnostics of assignments.json');
		assert.equal(assignments[0]?.severity, vscode.DiagnosticSeverity.Warning);
		assert.deepEqual(await diagnosticsOf(file('lessons', 'team-deploy-keys.md')), []);
	});

	test('the lead gets the JSON schema\'s completion and errors while typing the assignments file', async () => {
		const uri = file('assignments.json');
		await vscode.window.showTextDocument(uri);
		const text = '{\n\t"assignments": [\n\t\t{ "lessons": [""], "due": "Friday" }\n\t]\n}\n';
		const document = await setDocumentText(uri, text);
		const fromSchema = await eventually(() => Promise.resolve(vscode.languages.getDiagnostics(uri).filter((d) => d.source !== 'incident-lessons')),
			(d) => d.some((x) => x.message.includes('must be a date written YYYY-MM-DD')), 'the JSON language server to apply the contributed schema', 30_000);
		assert.ok(fromSchema.length > 0);
		const inside = new vscode.Position(2, document.lineAt(2).text.indexOf('[""]') + 2); // between the quotes
		const completions = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, inside);
		const labels = completions.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label).replace(/"/g, ''));
		assert.ok(labels.includes('private-gmail-customer-list') && labels.includes('axa-non-life-unauthorized-access'), `completions: ${labels.join(', ')}`);
		await revertDocument(uri);
	});

	test('problems follow unsaved edits as they are typed', async () => {
		const broken = file('lessons', 'broken-lesson.md');
		const fixLine = (await vscode.window.showTextDocument(broken)).document.lineAt(15); // the first choice's "correct: false"
		assert.match(fixLine.text, /correct: false/);
		assert.ok((await setDocumentText(broken, fixLine.text.replace('false', 'true'), fixLine.range)).isDirty);
		const live = await eventually(() => diagnosticsOf(broken), (d) => d.length === 1, 'the fixed quiz to drop its problem');
		assert.deepEqual(live.map((d) => d.code), ['id-mismatch']);
		await revertDocument(broken);
		await problemsToBe(broken, BROKEN_LESSON_PROBLEMS, 'the reverted file\'s problems');
	});

	test('a workspace lesson cannot take a bundled lesson\'s id: it gets an error and the bundled lesson stays', async () => {
		const lessonsApi = await api();
		const clash = file('lessons', 'ransomware-via-email.md');
		await write(clash, (await read(file('lessons', 'team-deploy-keys.md'))).replace('id: team-deploy-keys', 'id: ransomware-via-email'));
		try {
			const problems = await eventually(() => diagnosticsOf(clash), (d) => d.length === 1, 'the clash diagnostic');
			assert.deepEqual(problems.map(rangeOf), ['duplicate-lesson-id@1:0-1:24']);
			const lessons = await lessonsApi.listLessons();
			assert.deepEqual(lessons.filter((l) => l.id === 'ransomware-via-email').map((l) => l.origin), ['bundled']);
		} finally {
			await vscode.workspace.fs.delete(clash);
		}
		await eventually(() => diagnosticsOf(clash), (d) => d.length === 0, 'the problem to go with the file');
	});

	test('New Lesson writes a lint-clean lesson from the template, opens it, and the view lists it', async () => {
		const lessonsApi = await api();
		const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.NewLesson, { title: 'Our outage: the expired certificate', id: 'expired-certificate' });
		assert.equal(uri?.toString(), file('lessons', 'expired-certificate.md').toString());
		try {
			assert.ok(vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString()), 'the new lesson is open');
			const lessons = await eventually(() => lessonsApi.listLessons(), (l) => l.some((x) => x.id === 'expired-certificate'), 'the new lesson in the view');
			assert.equal(lessons.find((l) => l.id === 'expired-certificate')?.title, 'Our outage: the expired certificate');
			assert.deepEqual(await diagnosticsOf(uri), []);
			assert.equal(await vscode.commands.executeCommand(Command.NewLesson, { title: 'Again', id: 'expired-certificate' }), undefined, 'never overwrites');
		} finally {
			await vscode.commands.executeCommand('workbench.action.closeAllEditors');
			await vscode.workspace.fs.delete(file('lessons', 'expired-certificate.md'));
		}
	});

	test('Preview Lesson renders the file being edited and renders it again on save', async () => {
		const lessonsApi = await api();
		const uri = file('lessons', 'team-deploy-keys.md');
		const text = await read(uri);
		const tabLabel = (): string | undefined => vscode.window.tabGroups.all.flatMap((g) => g.tabs)
			.find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('incidentLessons.lesson'))?.label;
		try {
			await vscode.window.showTextDocument(uri);
			assert.equal(await vscode.commands.executeCommand(Command.PreviewLesson, uri), 'team-deploy-keys');
			await waitFor(() => tabLabel() === 'Incident Lessons: Our deploy key in a public gist', 'the preview tab');
			assert.equal(lessonsApi.currentLessonId(), 'team-deploy-keys');
			const document = await setDocumentText(uri, text.replace(/^title: .*$/m, 'title: "Our deploy key in a public gist (draft 2)"'));
			assert.ok(await document.save());
			await waitFor(() => tabLabel() === 'Incident Lessons: Our deploy key in a public gist (draft 2)', 'the preview to follow the save');
		} finally {
			await write(uri, text);
			await eventually(() => lessonsApi.listLessons(), (l) => l.find((x) => x.id === 'team-deploy-keys')?.title === 'Our deploy key in a public gist', 'the lesson as committed');
		}
	});

	test('Export Progress Report writes versioned JSON with the assignment it answers, and a Markdown summary', async () => {
		const lessonsApi = await api();
		const assigned = ['private-gmail-customer-list', 'team-deploy-keys', 'incident-response-appi'];
		await eventually(() => lessonsApi.assignedLessons(), (a) => a.map((x) => x.lessonId).join() === assigned.join(), 'the committed assignments');
		const target = file('reports', 'test-learner.json');
		const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.ExportReport, { learner: 'Test Learner', uri: target });
		assert.equal(uri?.toString(), target.toString());
		const report = JSON.parse(await read(target)) as { format: string; schemaVersion: number; learner: { name: string }; passMark: number; assignment?: { lessons: { id: string; due: string }[] }; lessons: { id: string; origin: string }[] };
		assert.equal(report.format, 'incident-lessons-progress-report');
		assert.equal(report.schemaVersion, 2);
		assert.equal(report.learner.name, 'Test Learner');
		assert.equal(report.passMark, 80);
		assert.deepEqual(report.assignment?.lessons.map((l) => l.id), assigned);
		assert.equal(report.lessons.find((l) => l.id === 'team-deploy-keys')?.origin, 'workspace');
		assert.equal(report.lessons.length, (await lessonsApi.listLessons()).length);
		assert.match(await read(file('reports', 'test-learner.md')), /^# Security lessons: progress report\n\nTest Learner · written /);
		await vscode.workspace.fs.delete(file('reports'), { recursive: true });
	});
});

suite('Restricted Mode (simulated: the harness runs with Workspace Trust disabled)', () => {
	teardown(async () => {
		(await testingApi()).simulateRestrictedMode(false);
	});

	test('hides workspace lessons, assignments and their problems, says why, and refuses team commands', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		const before = await read(file('assignments.json'));
		testing.simulateRestrictedMode(true);
		const tree = await eventually(() => testing.treeSnapshot(), (t) => group(t, 'Assigned') === undefined, 'the Assigned group to go');
		assert.deepEqual(tree.slice(0, 2).map((n) => [n.label, n.description]), [['Workspace lessons and assignments are hidden', 'Restricted Mode'], ['Onboarding', '0/3']]);
		assert.equal(group(tree, 'Workspace lessons'), undefined);
		const lessons = await lessonsApi.listLessons();
		assert.ok(lessons.length >= 10 && lessons.every((l) => l.origin === 'bundled'), 'bundled lessons still work');
		assert.deepEqual(await lessonsApi.assignedLessons(), []);
		await eventually(() => Promise.resolve(testing.assignedStatusBarText()), (text) => text === '', 'the assigned status bar item to hide');
		await eventually(() => diagnosticsOf(file('lessons', 'broken-lesson.md')), (d) => d.length === 0, 'problems to be cleared');
		assert.equal(await vscode.commands.executeCommand(Command.AssignLessons, { lessons: ['pos-card-data-skimming'], due: '2099-12-31' }), undefined);
		assert.equal(await vscode.commands.executeCommand(Command.NewLesson, { title: 'T', id: 'restricted-lesson' }), undefined);
		assert.equal(await vscode.commands.executeCommand(Command.PreviewLesson, file('lessons', 'team-deploy-keys.md')), undefined);
		assert.equal(await read(file('assignments.json')), before);

		testing.simulateRestrictedMode(false);
		await eventually(() => testing.treeSnapshot(), (t) => t[0]?.label === 'Assigned' && group(t, 'Workspace lessons') !== undefined, 'workspace content to return');
		await eventually(() => diagnosticsOf(file('lessons', 'broken-lesson.md')), (d) => d.length === 2, 'problems to return');
	});
});

suite('Lessons view with many lessons', () => {
	const many = (): vscode.Uri => file('lessons', 'many');

	suiteTeardown(async () => {
		await vscode.workspace.fs.delete(many(), { recursive: true, useTrash: false }).then(undefined, () => undefined);
	});

	test('a group of more than 50 lessons starts collapsed, so opening the view resolves only the rows it shows', async () => {
		const testing = await testingApi();
		const template = await read(file('lessons', 'team-deploy-keys.md'));
		const ids = Array.from({ length: 51 }, (_, i) => `many-${String(i + 1).padStart(2, '0')}`);
		await Promise.all(ids.map((id, i) => write(vscode.Uri.joinPath(many(), `${id}.md`),
			template.replace('id: team-deploy-keys', `id: ${id}`).replace('title: "Our deploy key in a public gist"', `title: "Lesson ${id}"`).replace('order: 10', `order: ${20 + i}`))));
		const tree = await eventually(() => testing.treeSnapshot(), (t) => (group(t, 'Workspace lessons')?.children?.length ?? 0) === 52, 'the 51 lessons to be listed');
		const workspace = group(tree, 'Workspace lessons');
		assert.equal(workspace?.collapsed, true, '52 workspace lessons: collapsed');
		assert.equal(workspace.description, '0/52');
		for (const bundled of ['Onboarding', 'Developer', 'Team lead']) {
			assert.equal(group(tree, bundled)?.collapsed, undefined, `${bundled} (under 50 lessons) stays expanded`);
		}

		await vscode.workspace.fs.delete(many(), { recursive: true, useTrash: false });
		const after = await eventually(() => testing.treeSnapshot(), (t) => (group(t, 'Workspace lessons')?.children?.length ?? 0) === 1, 'the 51 lessons to go');
		assert.equal(group(after, 'Workspace lessons')?.collapsed, undefined, 'one workspace lesson: expanded again');
	});
});

suite('Security onboarding walkthrough', () => {
	test('is contributed with four steps whose completion events are real actions of this extension', async () => {
		const manifest = vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as {
			contributes: { walkthroughs: { id: string; title: string; steps: { id: string; completionEvents: string[]; media: { markdown: string } }[] }[] };
		};
		const [walkthrough] = manifest.contributes.walkthroughs;
		assert.equal(walkthrough?.id, 'securityOnboarding');
		assert.equal(walkthrough.title, 'Security onboarding');
		const commands = new Set(await vscode.commands.getCommands(true));
		const events = walkthrough.steps.flatMap((s) => s.completionEvents);
		assert.deepEqual(events, ['onView:incidentLessons.lessons', 'onContext:incidentLessons:onboardingStarted', 'onCommand:incidentLessons.showProgress', 'onCommand:incidentLessons.showAssigned']);
		for (const event of events.filter((e) => e.startsWith('onCommand:'))) {
			assert.ok(commands.has(event.slice('onCommand:'.length)), event);
		}
		for (const step of walkthrough.steps) {
			const media = vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri ?? folder(), step.media.markdown);
			assert.ok((await read(media)).startsWith('## '), step.media.markdown);
		}
	});

	test('Start Onboarding opens the first onboarding lesson', async () => {
		const lessonsApi = await api();
		await vscode.commands.executeCommand(Command.StartOnboarding);
		await waitFor(() => lessonsApi.currentLessonId() === 'private-gmail-customer-list', 'the first onboarding lesson');
		await vscode.commands.executeCommand('workbench.action.closeAllEditors');
	});
});
