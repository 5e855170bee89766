// Getting a lab's text for "Open a lab file…" and "Open from URL": a size limit, a timeout, and
// one clear sentence for each way it can fail. The engine validates the text afterwards.
import { MAX_LAB_BYTES } from '../engine/lab-file-limits';

export const FETCH_TIMEOUT_MS = 10_000;

export type LabText = { ok: true; source: string; text: string } | { ok: false; error: string };

const TOO_BIG = `larger than ${MAX_LAB_BYTES / 1024} kB, so it is not a lab file`;

/** A picked file's text (its name is the lab's source), or why not. */
export async function readLabFile(file: File): Promise<LabText> {
  if (file.size > MAX_LAB_BYTES) return { ok: false, error: `${file.name} is ${TOO_BIG}.` };
  try {
    return { ok: true, source: file.name, text: await file.text() };
  } catch (e) {
    return { ok: false, error: `${file.name} could not be read (${e instanceof Error ? e.message : String(e)}).` };
  }
}

/** An http(s) address; relative ones (a lab published with the site) resolve against `base`. */
export function labUrl(input: string, base: string): URL | null {
  try {
    const url = new URL(input.trim(), base);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

export interface FetchOptions {
  base?: string;
  timeoutMs?: number;
  maxBytes?: number;
  fetch?: typeof fetch;
}

/** Fetches a lab's YAML from `input` (no cookies sent), within the size limit and the timeout. */
export async function fetchLabText(input: string, opts: FetchOptions = {}): Promise<LabText> {
  const url = labUrl(input, opts.base ?? location.href);
  if (!input.trim() || !url) return { ok: false, error: `“${input.trim()}” is not a web address: give one starting with https://.` };
  const where = url.href;
  const timeoutMs = opts.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = opts.maxBytes ?? MAX_LAB_BYTES;
  const ctl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctl.abort();
  }, timeoutMs);
  const failed = (): LabText =>
    timedOut
      ? { ok: false, error: `Could not fetch ${where}: no answer within ${timeoutMs / 1000} s.` }
      : {
          ok: false,
          error: `Could not fetch ${where}: the network failed, or its server does not let other sites read it (CORS). Download the file and use “Open a lab file…” instead.`,
        };
  try {
    let res: Response;
    try {
      res = await (opts.fetch ?? fetch)(where, { signal: ctl.signal, credentials: 'omit', cache: 'no-store' });
    } catch {
      return failed();
    }
    if (!res.ok) return { ok: false, error: `Could not fetch ${where}: the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}.` };
    if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
      void res.body?.cancel().catch(() => undefined);
      return { ok: false, error: `${where} is ${TOO_BIG}.` };
    }
    const bytes = await readCapped(res, maxBytes).catch(() => null);
    if (bytes === null) return failed();
    if (bytes === 'too-big') return { ok: false, error: `${where} is ${TOO_BIG}.` };
    try {
      return { ok: true, source: where, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
    } catch {
      return { ok: false, error: `${where} is not UTF-8 text, so it is not a lab file.` };
    }
  } finally {
    clearTimeout(timer);
  }
}

/** The body's bytes, reading no more than `max` (a server may lie about, or omit, its length). */
async function readCapped(res: Response, max: number): Promise<Uint8Array | 'too-big'> {
  if (!res.body) return new Uint8Array(await res.arrayBuffer());
  const reader = res.body.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      void reader.cancel().catch(() => undefined);
      return 'too-big';
    }
    parts.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
