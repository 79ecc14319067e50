import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPIV3_1 } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FilesTestContext, createFilesTestApp } from './helpers.js';

let t: FilesTestContext;
beforeAll(async () => {
  t = await createFilesTestApp();
});
afterAll(() => t.close());

describe('the files routes in /openapi.json', () => {
  it('are documented, with multipart request bodies, in a valid document', async () => {
    const document = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json() as OpenAPIV3_1.Document;
    await SwaggerParser.validate(structuredClone(document) as never);
    const paths = document.paths!;
    expect(Object.keys(paths['/api/v1/files/{id}']!).sort()).toEqual(['delete', 'get']);

    const upload = paths['/api/v1/files']!.post!.requestBody as OpenAPIV3_1.RequestBodyObject;
    const uploadSchema = upload.content['multipart/form-data']!.schema as OpenAPIV3_1.SchemaObject;
    expect(uploadSchema.required).toEqual(['purpose', 'file']);
    expect(uploadSchema.properties?.purpose).toMatchObject({ enum: ['avatar', 'logo', 'attachment'] });
    expect(uploadSchema.properties?.file).toMatchObject({ type: 'string', format: 'binary' });
    expect(Object.keys(paths['/api/v1/files']!.post!.responses)).toEqual(expect.arrayContaining(['201', '413', '415']));

    for (const path of ['/api/v1/users/me/avatar', '/api/v1/organizations/me/logo']) {
      const body = paths[path]!.post!.requestBody as OpenAPIV3_1.RequestBodyObject;
      expect(Object.keys(body.content)).toEqual(['multipart/form-data']);
      expect(paths[path]!.delete).toBeDefined();
    }
    const download = paths['/api/v1/files/{id}']!.get!.responses['200'] as OpenAPIV3_1.ResponseObject;
    expect(download.content?.['*/*']?.schema).toMatchObject({ type: 'string', format: 'binary' });
  });
});
