// "Open from URL" and "Open a lab file…": the size limit, the timeout, and one clear sentence for
// each way getting a lab's text can fail (a fake fetch stands in for the network).
import { describe, expect, it } from 'vitest';
import { fetchLabText, labUrl, readLabFile } from '../../../src/ui/lab-fetch';

const BASE = 'https://sandbox.example.org/ovm/';
const URL_A = 'https://labs.example.org/share/my-lab.yaml';
const fakeFetch = (respond: (url: string, init: RequestInit) => Promise<Response>) => respond as unknown as typeof fetch;
const get = (input: string, respond: (url: string, init: RequestInit) => Promise<Response>, timeoutMs?: number) =>
  fetchLabText(input, { base: BASE, fetch: fakeFetch(respond), ...(timeoutMs !== undefined && { timeoutMs }) });

describe('fetchLabText', () => {
  it('returns the text with the URL as its source, sending no cookies', async () => {
    let seen: RequestInit | undefined;
    const r = await get(URL_A, async (_u, init) => {
      seen = init;
      return new Response('title: Mine\n', { status: 200 });
    });
    expect(r).toEqual({ ok: true, source: URL_A, text: 'title: Mine\n' });
    expect(seen?.credentials).toBe('omit');
  });

  it('resolves a relative address against the page (a lab published with the site)', async () => {
    const r = await get('labs/mine.yaml', async (u) => new Response(u));
    expect(r).toEqual({ ok: true, source: 'https://sandbox.example.org/ovm/labs/mine.yaml', text: 'https://sandbox.example.org/ovm/labs/mine.yaml' });
    expect(labUrl('javascript:alert(1)', BASE)).toBeNull();
  });

  it('says what went wrong, in one sentence each', async () => {
    expect(await get('ftp://x/y.yaml', async () => new Response(''))).toEqual({ ok: false, error: '“ftp://x/y.yaml” is not a web address: give one starting with https://.' });
    expect(await get(URL_A, async () => new Response('nope', { status: 404, statusText: 'Not Found' }))).toEqual({
      ok: false,
      error: `Could not fetch ${URL_A}: the server answered 404 Not Found.`,
    });
    expect(
      await get(URL_A, async () => {
        throw new TypeError('Failed to fetch');
      }),
    ).toEqual({
      ok: false,
      error: `Could not fetch ${URL_A}: the network failed, or its server does not let other sites read it (CORS). Download the file and use “Open a lab file…” instead.`,
    });
    expect(await get(URL_A, async () => new Response('x', { headers: { 'content-length': String(300 * 1024) } }))).toEqual({
      ok: false,
      error: `${URL_A} is larger than 256 kB, so it is not a lab file.`,
    });
    expect(await get(URL_A, async () => new Response(new Uint8Array([0xff, 0xfe, 0x00])))).toEqual({ ok: false, error: `${URL_A} is not UTF-8 text, so it is not a lab file.` });
  });

  it('stops reading a body past the limit even when the server does not give its length', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x23);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(chunk);
      },
    });
    expect(await get(URL_A, async () => new Response(body))).toEqual({ ok: false, error: `${URL_A} is larger than 256 kB, so it is not a lab file.` });
    expect(pulled).toBeLessThan(8);
  });

  it('gives up after the timeout', async () => {
    const hang = (_u: string, init: RequestInit) =>
      new Promise<Response>((_, reject) => init.signal!.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    expect(await get(URL_A, hang, 20)).toEqual({ ok: false, error: `Could not fetch ${URL_A}: no answer within 0.02 s.` });
  });
});

describe('readLabFile', () => {
  it('reads a picked file and refuses an oversized one', async () => {
    expect(await readLabFile(new File(['title: T\n'], 'mine.yaml'))).toEqual({ ok: true, source: 'mine.yaml', text: 'title: T\n' });
    expect(await readLabFile(new File([new Uint8Array(256 * 1024 + 1)], 'huge.yaml'))).toEqual({ ok: false, error: 'huge.yaml is larger than 256 kB, so it is not a lab file.' });
  });
});
