import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compileValidators, SCHEMAS, withoutAnnotations } from '../../../../src/core/shared/schemaValidators';
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
	it('drops what only editors read, and keeps properties, definitions and values that share those names', () => {
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
				list: { type: 'array', items: { type: 'string', pattern: '^[a-z]+$', patternErrorMessage: 'lower case' } },
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
});
