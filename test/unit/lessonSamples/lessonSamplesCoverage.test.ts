import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { TS_SAMPLES, type TsSampleSpec } from './lessonSamplePreludes';
import { lessonSamples, sample, TESTED_SAMPLES, tsModuleText, withoutComments } from './lessonSamples';

const root = join(import.meta.dirname, '..', '..', '..');
const lessonIds = readdirSync(join(root, 'lessons', 'en')).filter((f) => f.endsWith('.md')).map((f) => f.slice(0, -3));

describe('lesson code samples: one code in both languages, every sample tested or called a sketch', () => {
	for (const id of lessonIds) {
		it(`${id}: the Japanese samples are the English ones, comments aside`, () => {
			const en = lessonSamples(id, 'en');
			const ja = lessonSamples(id, 'ja');
			assert.deepEqual(ja.map((s) => s.info), en.map((s) => s.info));
			en.forEach((s, i) => {
				assert.equal(withoutComments(ja[i]?.code ?? '', s.info), withoutComments(s.code, s.info), `${id} block ${i} (en line ${s.line})`);
			});
		});

		it(`${id}: a sample without a test says "sketch" right above it`, () => {
			const tested = new Set(TESTED_SAMPLES[id] ?? []);
			for (const [language, word] of [['en', /\bsketch\b/i], ['ja', /スケッチ/]] as const) {
				lessonSamples(id, language).forEach((s, i) => {
					if (!tested.has(i)) {
						assert.match(s.caption, word, `${language}/${id} block ${i} (line ${s.line}) is not tested and not called a sketch`);
					}
				});
			}
		});
	}

	it('lists only samples that exist, and gives every tested TypeScript sample a prelude', () => {
		const specs: TsSampleSpec[] = Object.values(TS_SAMPLES);
		for (const [id, indexes] of Object.entries(TESTED_SAMPLES)) {
			const samples = lessonSamples(id);
			for (const index of indexes) {
				assert.ok(samples[index], `${id} has no block ${index}`);
				if (samples[index]?.info === 'ts') {
					assert.ok(specs.some((s) => s.lesson === id && s.index === index), `${id} block ${index} has no prelude`);
				}
			}
		}
	});

	it('type-checks every TypeScript sample with its prelude under strict settings', () => {
		const options: ts.CompilerOptions = {
			strict: true, noUncheckedIndexedAccess: true, noEmit: true, skipLibCheck: true, isolatedModules: true,
			target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
			lib: ['lib.es2022.d.ts'], types: ['node'],
		};
		const files = new Map(Object.entries(TS_SAMPLES).map(([name, spec]: [string, TsSampleSpec]) =>
			[join(root, 'samples', `${name}.ts`), tsModuleText(spec.prelude, sample(spec.lesson, spec.index, 'ts'), spec.exportNames)]));
		const host = ts.createCompilerHost(options);
		const getSourceFile = host.getSourceFile.bind(host);
		host.getSourceFile = (name, version) => {
			const text = files.get(name);
			return text === undefined ? getSourceFile(name, version) : ts.createSourceFile(name, text, version);
		};
		const fileExists = host.fileExists.bind(host);
		host.fileExists = (name) => files.has(name) || fileExists(name);
		const program = ts.createProgram([...files.keys()], options, host);
		const problems = ts.getPreEmitDiagnostics(program).map((d) =>
			`${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
		assert.deepEqual(problems, []);
	});
});
