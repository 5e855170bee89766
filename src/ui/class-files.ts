// Files for the workshop pages: a download made in the page, many files (or a dropped folder)
// read as text, the clipboard, and the class link of a pack.
import { packText, type ClassPack } from '../engine/class-format';

export function download(name: string, text: string, type = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export interface NamedText {
  name: string;
  text: string;
}

/** Reads files as text (hand-ins are small; anything over 8 MB is skipped as not a hand-in). */
export async function readTexts(files: Iterable<File>): Promise<NamedText[]> {
  const out: NamedText[] = [];
  for (const f of files) if (f.size <= 8 * 1024 * 1024) out.push({ name: f.name, text: await f.text() });
  return out;
}

type Entry = { isFile: boolean; isDirectory: boolean; name: string; file?(ok: (f: File) => void, err: (e: unknown) => void): void; createReader?(): { readEntries(ok: (e: Entry[]) => void, err: (e: unknown) => void): void } };

async function filesOfEntry(entry: Entry, depth = 0): Promise<File[]> {
  if (entry.isFile && entry.file) return [await new Promise<File>((ok, err) => entry.file!(ok, err))];
  if (!entry.isDirectory || !entry.createReader || depth > 3) return [];
  const reader = entry.createReader();
  const out: File[] = [];
  // readEntries returns a batch at a time, until an empty one.
  for (;;) {
    const batch = await new Promise<Entry[]>((ok, err) => reader.readEntries(ok, err));
    if (!batch.length) break;
    for (const e of batch) out.push(...(await filesOfEntry(e, depth + 1)));
  }
  return out;
}

/** The files of a drop: many files, or a folder of them. */
export async function droppedFiles(dt: DataTransfer): Promise<File[]> {
  const entries = [...dt.items].map((i) => (i as DataTransferItem & { webkitGetAsEntry?(): Entry | null }).webkitGetAsEntry?.() ?? null);
  if (entries.some((e) => e?.isDirectory)) {
    const out: File[] = [];
    for (const e of entries) if (e) out.push(...(await filesOfEntry(e)));
    return out;
  }
  return [...dt.files];
}

export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/** The page's own address with `#/class/<packed pack>`: works from any host or folder. */
export function classUrl(pack: ClassPack): string {
  return `${location.origin}${location.pathname}#/class/${packText(pack)}`;
}
