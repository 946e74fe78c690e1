import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileValidators, SCHEMAS, schemaHints, withoutAnnotations } from '../../../../src/core/shared/schemaValidators';
import { isRecord } from '../../../../src/core/shared/records';

/** Every name a `properties` map declares, anywhere in `schema`, with its path. */
function propertyNames(schema: unknown, at = '#'): string[] {
	if (Array.isArray(schema)) {
		return schema.flatMap((item, i) => propertyNames(item, `${at}/${i}`));
	}
	if (!isRecord(schema)) {
		return [];
	}
	return Object.entries(schema).flatMap(([key, value]) => [
		...(key === 'properties' && isRecord(value) ? Object.keys(value).map((name) => `${at}/properties/${name}`) : []),
		...propertyNames(value, `${at}/${key}`),
	]);
}

describe('withoutAnnotations', () => {
	it('drops what only editors read (the messages come from the hints), and keeps properties, definitions and values that share those names', () => {
		const schema = {
			title: 'Lesson', description: 'A lesson.', type: 'object', required: ['title'],
			properties: {
				title: { type: 'string', description: 'Shown in the view.', markdownDescription: '*Shown*', maxLength: 80 },
				description: { enum: ['title', 'description'], default: 'title', examples: ['title'] },
				list: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$', patternErrorMessage: 'lower case', defaultSnippets: [{ body: 'x' }] } },
			},
			definitions: { examples: { $comment: 'a definition named like a keyword', const: 1 } },
			dependencies: { title: ['list'] },
			if: { description: 'x', properties: { title: { const: 'a' } } }, then: { required: ['list'] },
			allOf: [{ title: 'one', minProperties: 1 }],
		};
		assert.deepEqual(withoutAnnotations(schema), {
			type: 'object', required: ['title'],
			properties: {
				title: { type: 'string', maxLength: 80 },
				description: { enum: ['title', 'description'], default: 'title' },
				list: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } },
			},
			definitions: { examples: { const: 1 } },
			dependencies: { title: ['list'] },
			if: { properties: { title: { const: 'a' } } }, then: { required: ['list'] },
			allOf: [{ minProperties: 1 }],
		});
	});

	it('keeps every property of the five schemas, and none of their descriptions', () => {
		for (const [name, schema] of Object.entries(SCHEMAS)) {
			const stripped = withoutAnnotations(schema);
			assert.deepEqual(propertyNames(stripped), propertyNames(schema), name);
			assert.doesNotMatch(JSON.stringify(stripped), /"(description|markdownDescription|defaultSnippets)":/, name);
			assert.ok(JSON.stringify(stripped).length < JSON.stringify(schema).length, name);
		}
	});

	it('validates as the full schemas do', () => {
		const { frontMatter } = compileValidators();
		assert.equal(frontMatter({ id: 'a-lesson', title: 'A lesson', summary: 'What happened.' }), true);
		assert.equal(frontMatter({ id: 'Not Kebab', title: 'A lesson', summary: 'What happened.', extra: 1 }), false);
		assert.deepEqual(frontMatter.errors?.map((e) => e.keyword).sort(), ['additionalProperties', 'pattern']);
	});

	it('keeps, by the pointer ajv reports, the known keys of closed mappings and every pattern\'s message', () => {
		const { frontMatter, assignments } = schemaHints();
		assert.ok(frontMatter['#']?.keys?.includes('summary'));
		assert.equal(typeof frontMatter['#/properties/id']?.patternMessage, 'string');
		const { frontMatter: validate } = compileValidators();
		validate({ id: 'Not Kebab', title: 'A lesson', summary: 'What happened.', extra: 1 });
		for (const error of validate.errors ?? []) {
			const parent = error.schemaPath.slice(0, error.schemaPath.lastIndexOf('/'));
			assert.ok(frontMatter[parent], `${error.keyword} at ${error.schemaPath}`);
		}
		const messages = Object.values(SCHEMAS).map((schema) => (JSON.stringify(schema).match(/"patternErrorMessage":/g) ?? []).length);
		const hinted = Object.values(schemaHints()).map((hints) => Object.values(hints).filter((hint) => hint.patternMessage).length);
		assert.deepEqual(hinted, messages);
		assert.ok(Object.keys(assignments).length > 0);
	});
});
