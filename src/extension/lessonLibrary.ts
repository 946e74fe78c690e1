import * as vscode from 'vscode';
import { buildCatalog } from '../core/catalog';
import { decodeLessonBytes } from '../core/decode';
import { LESSON_LOCALES, type Diagnostic, type Lesson, type LessonLocale } from '../core/lesson';
import { Disposable } from './dispose';

/** A lesson file read from disk, before parsing. */
interface LessonFile {
	readonly file: string;
	readonly locale: string;
	readonly text: string;
}

/**
 * The lessons bundled with the extension, in the learner's language (English where a translation is missing).
 * Files are read and parsed on first use, not at activation, and kept until `invalidate()`.
 */
export class LessonLibrary extends Disposable {
	private readonly _onDidChange = this.register(new vscode.EventEmitter<void>());
	readonly onDidChange = this._onDidChange.event;
	private loading: Promise<readonly Lesson[]> | undefined;

	constructor(
		private readonly lessonsRoot: vscode.Uri,
		private readonly log: vscode.LogOutputChannel,
		private readonly locale: () => LessonLocale,
	) {
		super();
	}

	/** All lessons, sorted by track, order and title. */
	lessons(): Promise<readonly Lesson[]> {
		this.loading ??= this.load();
		return this.loading;
	}

	async get(lessonId: string): Promise<Lesson | undefined> {
		return (await this.lessons()).find((l) => l.meta.id === lessonId);
	}

	/** Forgets what was read (the language changed, files changed) and tells listeners. */
	invalidate(): void {
		this.loading = undefined;
		this._onDidChange.fire();
	}

	private async load(): Promise<readonly Lesson[]> {
		const files = (await Promise.all(LESSON_LOCALES.map((locale) => this.readLocale(locale)))).flat();
		const { lessons, diagnostics } = buildCatalog(files, this.locale());
		this.report(diagnostics);
		return lessons;
	}

	private async readLocale(locale: string): Promise<LessonFile[]> {
		const dir = vscode.Uri.joinPath(this.lessonsRoot, locale);
		let entries: [string, vscode.FileType][];
		try {
			entries = await vscode.workspace.fs.readDirectory(dir);
		} catch {
			return []; // a locale with no folder simply has no lessons
		}
		const names = entries.filter(([name, type]) => type === vscode.FileType.File && name.endsWith('.md')).map(([name]) => name).sort();
		const files = await Promise.all(names.map(async (name): Promise<LessonFile | undefined> => {
			const uri = vscode.Uri.joinPath(dir, name);
			const file = `${locale}/${name}`;
			const { text, diagnostics } = decodeLessonBytes(await vscode.workspace.fs.readFile(uri), file);
			this.report(diagnostics);
			return text === undefined ? undefined : { file, locale, text };
		}));
		return files.filter((f): f is LessonFile => f !== undefined);
	}

	private report(diagnostics: readonly Diagnostic[]): void {
		for (const d of diagnostics) {
			const line = `${d.file}:${d.line}:${d.column}: ${d.message} (${d.code})`;
			if (d.severity === 'error') {
				this.log.error(line);
			} else {
				this.log.warn(line);
			}
		}
	}
}
