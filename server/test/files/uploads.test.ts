import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentDisposition } from '../../src/modules/files/files.download.js';
import { TEST_ORIGIN, TestClient, expectProblem, signUp } from '../helpers/app.js';
import { blankPng, compoundFile, htmlPage, jpegWithGps, minimalPdf, noisyImage, plainSvg, solidImage, svgWithScript } from './fixtures.js';
import { type FilesTestContext, createFilesTestApp, fileRow, filesOnDisk, multipart, send, storedPath, upload } from './helpers.js';

let t: FilesTestContext;
let client: TestClient;
beforeAll(async () => {
  t = await createFilesTestApp();
  ({ client } = await signUp(t.app));
});
afterAll(() => t.close());

describe('POST /api/v1/files: the type comes from the bytes', () => {
  it('stores a PNG attachment as sent, with its type, size, dimensions and hash', async () => {
    const png = await noisyImage(40, 30, 'png');
    const response = await upload(client, { purpose: 'attachment', filename: 'chart.png', contentType: 'image/png', data: png });
    expect(response.statusCode).toBe(201);
    const body = response.json();
    expect(body).toMatchObject({
      purpose: 'attachment',
      contentType: 'image/png',
      sizeBytes: png.length,
      width: 40,
      height: 30,
      originalName: 'chart.png',
    });
    expect(body.url).toBe(`/api/v1/files/${body.id}`);
    const row = await fileRow(t, body.id);
    expect(readFileSync(storedPath(t, row.storageKey)).equals(png)).toBe(true);
    const { createHash } = await import('node:crypto');
    expect(row.sha256).toBe(createHash('sha256').update(png).digest('hex'));
  });

  it('stores a PNG named .pdf and declared as a PDF as what it is: image/png', async () => {
    const png = await noisyImage(20, 20, 'png');
    const response = await upload(client, { purpose: 'attachment', filename: 'invoice.pdf', contentType: 'application/pdf', data: png });
    expect(response.statusCode).toBe(201);
    expect(response.json().contentType).toBe('image/png');
    const download = await client.get(response.json().url);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain('filename="invoice.png"');
  });

  it('accepts a minimal PDF and a legacy Word file as attachments, and serves them for download', async () => {
    const pdf = await upload(client, { purpose: 'attachment', filename: 'report.pdf', data: minimalPdf() });
    expect(pdf.statusCode).toBe(201);
    expect(pdf.json()).toMatchObject({ contentType: 'application/pdf', width: null, height: null });
    const download = await client.get(pdf.json().url);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(minimalPdf())).toBe(true);
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="report.pdf"/);

    const doc = await upload(client, { purpose: 'attachment', filename: 'spec.doc', data: compoundFile('WordDocument') });
    expect(doc.json().contentType).toBe('application/msword');
    const xls = await upload(client, { purpose: 'attachment', filename: 'plan.xls', data: compoundFile('Workbook') });
    expect(xls.json().contentType).toBe('application/vnd.ms-excel');
    // A compound file that is none of the three (an Outlook message, an installer …) is not accepted.
    expectProblem(
      await upload(client, { purpose: 'attachment', filename: 'mail.msg', data: compoundFile('__properties_version1.0') }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
  });

  it('refuses an HTML page named photo.png and declared image/png, for every purpose', async () => {
    for (const purpose of ['avatar', 'logo', 'attachment']) {
      const response = await upload(client, { purpose, filename: 'photo.png', contentType: 'image/png', data: htmlPage });
      expect(expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE').detail).toMatch(/could not be recognised/);
    }
  });

  it('refuses SVG, with or without a script, for every purpose', async () => {
    for (const purpose of ['avatar', 'logo', 'attachment']) {
      for (const svg of [svgWithScript, plainSvg]) {
        expectProblem(
          await upload(client, { purpose, filename: 'logo.svg', contentType: 'image/svg+xml', data: svg }),
          415,
          'UNSUPPORTED_MEDIA_TYPE',
        );
      }
    }
  });

  it('refuses bytes of no known type, and known types the purpose does not allow', async () => {
    expectProblem(
      await upload(client, { purpose: 'attachment', filename: 'notes.txt', data: Buffer.from('just some text\n') }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const pdfAvatar = expectProblem(
      await upload(client, { purpose: 'avatar', filename: 'me.png', data: minimalPdf() }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expect(pdfAvatar.detail).toContain('application/pdf');
    const gifLogo = await upload(client, { purpose: 'logo', filename: 'logo.gif', data: await noisyImage(16, 16, 'gif') });
    expectProblem(gifLogo, 415, 'UNSUPPORTED_MEDIA_TYPE');
    const gifAttachment = await upload(client, { purpose: 'attachment', filename: 'anim.gif', data: await noisyImage(16, 16, 'gif') });
    expect(gifAttachment.json()).toMatchObject({ contentType: 'image/gif', width: 16, height: 16 });
    const zip = Buffer.from('504b0304140000000000000000000000000000000000000000000000000000', 'hex');
    expectProblem(await upload(client, { purpose: 'attachment', filename: 'a.docx', data: zip }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses a truncated PNG or JPEG as FILE_INVALID, for avatars and attachments alike', async () => {
    for (const format of ['png', 'jpeg'] as const) {
      const whole = await noisyImage(200, 150, format);
      const truncated = whole.subarray(0, Math.floor(whole.length * 0.6));
      for (const purpose of ['avatar', 'attachment']) {
        const response = await upload(client, { purpose, filename: `cut.${format}`, data: truncated });
        expect(expectProblem(response, 400, 'FILE_INVALID').detail).toMatch(/damaged or incomplete/);
      }
      expect((await upload(client, { purpose: 'avatar', filename: `whole.${format}`, data: whole })).statusCode).toBe(201);
    }
  });

  it('refuses a decompression bomb (a tiny PNG declaring 20000×20000 pixels) before decoding it', async () => {
    const bomb = blankPng(20000, 20000);
    expect(bomb.length).toBeLessThan(200_000);
    const declared = await sharp(bomb, { limitInputPixels: false }).metadata();
    expect([declared.width, declared.height]).toEqual([20000, 20000]);
    for (const purpose of ['avatar', 'logo', 'attachment']) {
      const response = await upload(client, { purpose, filename: 'bomb.png', data: bomb });
      expect(expectProblem(response, 400, 'FILE_INVALID').detail).toMatch(/more than 40 megapixels/);
    }
    // The same generator at a sane size makes an image that is accepted.
    expect((await upload(client, { purpose: 'attachment', filename: 'blank.png', data: blankPng(300, 200) })).json()).toMatchObject({
      width: 300,
      height: 200,
    });
  });

  it('refuses an empty file', async () => {
    expectProblem(await upload(client, { purpose: 'attachment', filename: 'empty.png', data: Buffer.alloc(0) }), 400, 'FILE_INVALID');
  });
});

describe('POST /api/v1/files: avatars and logos are re-encoded', () => {
  it('auto-rotates, strips EXIF and GPS, and fits 512×512', async () => {
    const photo = await jpegWithGps();
    const original = await sharp(photo).metadata();
    expect(original.exif?.includes(Buffer.from('SecretCam'))).toBe(true);
    expect(original.orientation).toBe(6);

    for (const purpose of ['avatar', 'logo']) {
      const response = await upload(client, { purpose, filename: 'IMG_0001.JPG', data: photo });
      expect(response.statusCode).toBe(201);
      const body = response.json();
      expect(body.contentType).toBe('image/webp');
      // 1200×800 turned upright is 800×1200; fitted into 512×512 that is 341×512.
      expect([body.width, body.height]).toEqual([341, 512]);
      const stored = readFileSync(storedPath(t, (await fileRow(t, body.id)).storageKey));
      expect(body.sizeBytes).toBe(stored.length);
      const metadata = await sharp(stored).metadata();
      expect(metadata.format).toBe('webp');
      expect([metadata.width, metadata.height]).toEqual([341, 512]);
      expect(metadata.exif).toBeUndefined();
      expect(metadata.xmp).toBeUndefined();
      expect(metadata.orientation).toBeUndefined();
      expect(stored.includes(Buffer.from('SecretCam'))).toBe(false);
    }
  });

  it('keeps PNG as PNG, turns WebP into WebP, and does not enlarge small images', async () => {
    const png = await upload(client, { purpose: 'logo', filename: 'logo.png', data: await solidImage(2000, 1000, 'png') });
    expect(png.json()).toMatchObject({ contentType: 'image/png', width: 512, height: 256 });
    const webp = await upload(client, { purpose: 'avatar', filename: 'me.webp', data: await noisyImage(100, 80, 'webp') });
    expect(webp.json()).toMatchObject({ contentType: 'image/webp', width: 100, height: 80 });
    const download = await client.get(webp.json().url);
    expect(download.headers['content-type']).toBe('image/webp');
    expect(download.headers['content-disposition']).toMatch(/^inline; filename="me.webp"/);
  });
});

describe('POST /api/v1/files: size limits and the request itself', () => {
  it('answers 413 for an avatar over 5 MB and an attachment over 25 MB, and accepts 5 MB attachments', async () => {
    const overFive = Buffer.concat([await noisyImage(10, 10, 'png'), Buffer.alloc(5 * 1024 * 1024)]);
    for (const purpose of ['avatar', 'logo']) {
      expect(
        expectProblem(await upload(client, { purpose, filename: 'big.png', data: overFive }), 413, 'PAYLOAD_TOO_LARGE').detail,
      ).toMatch(/5 MB/);
    }
    // The same bytes are a valid attachment (a PNG with trailing bytes still decodes).
    expect((await upload(client, { purpose: 'attachment', filename: 'big.png', data: overFive })).statusCode).toBe(201);
    const overTwentyFive = Buffer.concat([minimalPdf(), Buffer.alloc(25 * 1024 * 1024)]);
    expectProblem(await upload(client, { purpose: 'attachment', filename: 'huge.pdf', data: overTwentyFive }), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 413 over a real connection while the body is still arriving, and keeps serving', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const huge = Buffer.concat([minimalPdf(), Buffer.alloc(30 * 1024 * 1024)]);
    const { payload, contentType } = multipart([
      { name: 'purpose', value: 'avatar' },
      { name: 'file', filename: 'huge.png', data: huge },
    ]);
    const headers = { cookie: client.cookieHeader, origin: TEST_ORIGIN, 'content-type': contentType };
    const response = await fetch(`${address}/api/v1/files`, { method: 'POST', headers, body: payload });
    expect(response.status).toBe(413);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(((await response.json()) as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
    const after = await fetch(`${address}/api/v1/users/me`, { headers: { cookie: client.cookieHeader } });
    expect(after.status).toBe(200);
  });

  it('applies the purpose limit even when the purpose comes after the file', async () => {
    const overFive = Buffer.concat([await noisyImage(10, 10, 'png'), Buffer.alloc(5 * 1024 * 1024)]);
    const response = await send(client, '/api/v1/files', [
      { name: 'file', filename: 'big.png', data: overFive },
      { name: 'purpose', value: 'avatar' },
    ]);
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('answers 400 without a purpose, with an unknown purpose, without a file, or with two files', async () => {
    const png = await noisyImage(8, 8, 'png');
    const missing = expectProblem(
      await send(client, '/api/v1/files', [{ name: 'file', filename: 'a.png', data: png }]),
      400,
      'VALIDATION_FAILED',
    );
    expect(missing.errors?.[0]?.path).toBe('purpose');
    expectProblem(await upload(client, { purpose: 'banner', filename: 'a.png', data: png }), 400, 'VALIDATION_FAILED');
    const noFile = expectProblem(await send(client, '/api/v1/files', [{ name: 'purpose', value: 'attachment' }]), 400, 'VALIDATION_FAILED');
    expect(noFile.errors?.[0]?.path).toBe('file');
    const two = await send(client, '/api/v1/files', [
      { name: 'purpose', value: 'attachment' },
      { name: 'file', filename: 'a.png', data: png },
      { name: 'file', filename: 'b.png', data: png },
    ]);
    expectProblem(two, 400, 'VALIDATION_FAILED');
  });

  it('answers 415 for a body that is not multipart, and 401 for guests', async () => {
    expectProblem(await client.post('/api/v1/files', { purpose: 'attachment' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    expectProblem(await upload(new TestClient(t.app), { data: minimalPdf() }), 401, 'UNAUTHENTICATED');
  });

  it('stores under generated keys only: the client name never reaches the disk', async () => {
    const name = '..%2F..%2Fevil name ../../../etc/passwd.png';
    const response = await upload(client, { purpose: 'attachment', filename: name, data: await noisyImage(8, 8, 'png') });
    expect(response.statusCode).toBe(201);
    expect(response.json().originalName).toBe('passwd.png');
    const row = await fileRow(t, response.json().id);
    const organizationId = row.organizationId;
    expect(row.storageKey).toMatch(new RegExp(`^${organizationId}/[0-9a-f-]{36}$`));
    const onDisk = filesOnDisk(t);
    expect(onDisk.length).toBeGreaterThan(5);
    for (const stored of onDisk) {
      expect(stored).toMatch(/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
      expect(stored).not.toMatch(/passwd|evil|\.png|\.pdf|IMG/i);
    }
  });

  it('keeps a non-ASCII name and offers it safely in Content-Disposition', async () => {
    const response = await upload(client, { purpose: 'attachment', filename: 'تقرير الجودة.pdf', data: minimalPdf() });
    expect(response.json().originalName).toBe('تقرير الجودة.pdf');
    const download = await client.get(response.json().url);
    const disposition = String(download.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[ _\x21-\x7e]+\.pdf"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("UTF-8''")[1]!)).toBe('تقرير الجودة.pdf');
    // Quotes, backslashes and line breaks cannot break out of the header value.
    const tricky = contentDisposition('attachment', 'a "b"\\c\r\nSet-Cookie: x.pdf');
    expect(tricky).toMatch(/^attachment; filename="a _b__c__Set-Cookie: x.pdf"; filename\*=UTF-8''[A-Za-z0-9%._~!-]+$/);
  });
});
