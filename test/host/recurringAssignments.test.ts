// A recurring assignment in the real extension host: the test workspace's assignments file holds a yearly entry.
// A pass in this cycle counts; once the clock reaches the next cycle the status starts fresh, a reminder says the
// new cycle's due date, and "Don't Remind Me for This Cycle" is remembered until the cycle after.
import * as assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import { Command } from '../../src/extension/platform/ids';
import { addPeriods, cycleAt } from '../../src/core/team/cycles';
import { addDays, localDate } from '../../src/core/team/dueDates';
import { correctAnswer, eventually, extensionApi as api, resetAllProgress, stubWindow, testingApi, workspaceFolderUri as folder } from './helpers';

const assignments = (): vscode.Uri => vscode.Uri.joinPath(folder(), '.incident-lessons', 'assignments.json');
const read = async (uri: vscode.Uri): Promise<string> => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
const write = (uri: vscode.Uri, text: string): Thenable<void> => vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
const settings = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('incidentLessons');

const MUTE = 'Don\'t Remind Me for This Cycle';
const TITLE = 'Our deploy key in a public gist';
const every = { count: 12, unit: 'month' } as const;
const today = localDate(new Date());
/** This year's cycle started 100 days ago, and is due in 30 days. */
const recurrence = { every, from: addDays(today, -100), due: addDays(today, 30) };

/** Local noon of a `YYYY-MM-DD` date, in milliseconds: the pinned clock's time. */
function noon(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1, 12).getTime();
}

suite('Recurring assignments and their reminders', () => {
	let original = '';
	let remindersBefore: boolean | undefined;

	suiteSetup(async () => {
		await resetAllProgress();
		original = await read(assignments());
		await write(assignments(), JSON.stringify({
			version: 1,
			assignments: [{ lessons: ['team-deploy-keys'], every: '12 months', from: recurrence.from, due: recurrence.due, note: 'Yearly refresher.' }],
		}, undefined, '\t'));
		const lessonsApi = await api();
		await eventually(() => lessonsApi.assignedLessons(), (a) => a.length === 1 && a[0]?.due === recurrence.due, 'the recurring assignment to be read');
		await (await testingApi()).forgetAssignmentReminders();
		remindersBefore = settings().inspect<boolean>('reminders.enabled')?.globalValue;
		await settings().update('reminders.enabled', true, vscode.ConfigurationTarget.Global);
	});

	suiteTeardown(async () => {
		const testing = await testingApi();
		testing.setClock(undefined);
		await settings().update('reminders.enabled', remindersBefore, vscode.ConfigurationTarget.Global);
		await testing.forgetAssignmentReminders();
		await write(assignments(), original);
		await resetAllProgress();
	});

	test('a pass in this cycle counts; in the next cycle the status starts fresh with the new due date', async () => {
		const lessonsApi = await api();
		const testing = await testingApi();
		for (const quizId of ['first-step', 'least-privilege']) {
			await lessonsApi.answer('team-deploy-keys', quizId, await correctAnswer('team-deploy-keys', quizId));
		}
		await eventually(() => testing.assignedStatusBarText(), (t) => t === '$(checklist) Assigned 1/1', 'the pass to count in this cycle');

		// every lesson of the cycle passed: the certificate is written with the report it was made from
		const target = vscode.Uri.joinPath(folder(), '.incident-lessons', 'reports', 'pat-doe-certificate.html');
		const written = await vscode.commands.executeCommand<vscode.Uri | undefined>(Command.ExportCertificate, { learner: 'Pat <b>Doe</b>', uri: target });
		assert.equal(written?.toString(), target.toString());
		const html = await read(target);
		const reportBytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder(), '.incident-lessons', 'reports', 'pat-doe-certificate-report.json'));
		const report = JSON.parse(new TextDecoder().decode(reportBytes)) as { learner: { name: string }; lessons: { id: string; status: string }[] };
		assert.equal(report.lessons.find((l) => l.id === 'team-deploy-keys')?.status, 'passed');
		assert.ok(html.includes(createHash('sha256').update(reportBytes).digest('hex')), 'the certificate carries the report\'s SHA-256');
		assert.ok(html.includes('Pat &lt;b&gt;Doe&lt;/b&gt;') && !html.includes('<b>Doe'), 'the name is text');
		assert.match(html, new RegExp(`training cycle ${recurrence.from} to ${addDays(addPeriods(recurrence.from, every, 1), -1)}`));
		assert.match(html, /<td class="num">100%<\/td><td class="num">\d{4}-\d{2}-\d{2}<\/td><td><code>[0-9a-f]{64}<\/code>/);
		await vscode.workspace.fs.delete(vscode.Uri.joinPath(folder(), '.incident-lessons', 'reports'), { recursive: true });

		const next = cycleAt(recurrence, 1);
		assert.equal(next.start, addPeriods(recurrence.from, every, 1));
		testing.setClock(noon(addDays(next.due, -3)));
		await eventually(() => lessonsApi.assignedLessons(), (a) => a[0]?.due === next.due, 'the next cycle\'s due date');
		await eventually(() => testing.assignedStatusBarText(), (t) => /^\$\(checklist\) Assigned 0\/1 · due \w+$/.test(t), 'the new cycle to start fresh');
		const tree = await testing.treeSnapshot();
		const row = tree.find((n) => n.label === 'Assigned')?.children?.[0];
		assert.match(row?.accessibilityLabel ?? '', /Not started$/);
		assert.ok(lessonsApi.getProgress().lessons['team-deploy-keys'], 'the learner\'s history is kept');
		const window = stubWindow();
		try {
			assert.equal(await vscode.commands.executeCommand(Command.ExportCertificate, { learner: 'Pat Doe', uri: target }), undefined, 'no certificate for the new cycle yet');
			assert.deepEqual(window.calls.map((c) => c.args[0]), ['Pass every assigned lesson first: 0 of 1 passed.']);
		} finally {
			window.restore();
		}
	});

	test('the reminder names the new cycle\'s due date; "Don\'t Remind Me for This Cycle" is remembered until the next cycle', async () => {
		const testing = await testingApi();
		const next = cycleAt(recurrence, 1);
		const window = stubWindow((_name, args) => args.includes(MUTE) ? MUTE : undefined);
		try {
			testing.setClock(noon(addDays(next.due, -3)));
			const shown = await testing.remindAssignments();
			assert.equal(shown?.stage, 'dueSoon');
			assert.deepEqual(shown?.lessonIds, ['team-deploy-keys']);
			assert.equal(shown?.choice, 'mute');
			const [call, ...others] = window.calls;
			assert.equal(others.length, 0, 'one notification');
			assert.equal(call?.name, 'showInformationMessage');
			assert.deepEqual(call?.args, [shown?.text, 'Open', 'Later', MUTE]);
			const sameYear = next.due.slice(0, 4) === addDays(next.due, -3).slice(0, 4);
			const dueText = new Intl.DateTimeFormat('en', { ...(sameYear ? {} : { year: 'numeric' }), month: 'short', day: 'numeric', timeZone: 'UTC' }).format(new Date(`${next.due}T00:00:00Z`));
			assert.equal(shown?.text, `Assigned lesson due ${dueText}: "${TITLE}".`);

			testing.setClock(noon(addDays(next.due, 2)));
			assert.equal(await testing.remindAssignments(), undefined, 'muted for this cycle, overdue or not');
			assert.equal(window.calls.length, 1);

			const after = cycleAt(recurrence, 2);
			testing.setClock(noon(addDays(after.due, 1)));
			await eventually(() => testing.assignedStatusBarText(), (t) => t.endsWith('1 overdue'), 'the cycle after to be overdue');
			const again = await testing.remindAssignments();
			assert.equal(again?.stage, 'overdue');
			assert.match(again?.text ?? '', /^Assigned lesson overdue since .+: "Our deploy key in a public gist"\.$/);
			assert.equal(window.calls[1]?.name, 'showWarningMessage');
			assert.equal(await testing.remindAssignments(), undefined, 'at most one a day');
		} finally {
			window.restore();
		}
	});

	test('no reminder when reminders are turned off', async () => {
		const testing = await testingApi();
		await testing.forgetAssignmentReminders();
		await settings().update('reminders.enabled', false, vscode.ConfigurationTarget.Global);
		const window = stubWindow();
		try {
			testing.setClock(noon(addDays(cycleAt(recurrence, 3).due, 1)));
			assert.equal(await testing.remindAssignments(), undefined);
			assert.equal(window.calls.length, 0);
		} finally {
			window.restore();
		}
	});
});
