// The lab editor's CodeMirror 6 instance (loaded only on #/editor): YAML highlighting, the
// worker's validation errors as lint diagnostics at their lines, and completion of every field,
// check, query and fault action name the lab schema knows.
import { basicSetup, EditorView } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { linter, lintGutter, type Diagnostic } from '@codemirror/lint';
import { autocompletion, type Completion, type CompletionContext } from '@codemirror/autocomplete';
import { EditorState } from '@codemirror/state';
import { LAB_SCHEMA } from '../../../labs/schema/lab-schema';
import { checkRegistry } from '../../../labs/checks';
import { faultRegistry } from '../../../labs/faults';
import { queryRegistry } from '../../../labs/queries';
import type { LabDiagnostic } from '../../../engine/lab-lint';

/** Every key the schema allows anywhere, with what it is. */
function schemaWords(): Completion[] {
  const out = new Map<string, Completion>();
  const add = (label: string, detail: string, info?: string) => {
    if (!out.has(label)) out.set(label, { label, type: 'property', detail, ...(info && { info }), apply: `${label}: ` });
  };
  for (const [k, d] of Object.entries(checkRegistry)) add(k, 'check', d.summary);
  for (const [k, d] of Object.entries(faultRegistry)) add(k, 'fault action', d.summary);
  for (const [k, d] of Object.entries(queryRegistry)) add(k, 'query', (d as { summary?: string }).summary);
  const seen = new Set<unknown>();
  const walk = (s: unknown): void => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const node = s as Record<string, unknown>;
    for (const [k, v] of Object.entries((node.properties as Record<string, unknown>) ?? {})) {
      if (!out.has(k)) add(k, 'field');
      walk(v);
    }
    for (const v of Object.values(node)) if (v && typeof v === 'object') walk(v);
  };
  walk(LAB_SCHEMA);
  return [...out.values()];
}

export interface YamlEditor {
  view: EditorView;
  setText(text: string): void;
  goTo(line: number): void;
  destroy(): void;
}

export function createYamlEditor(parent: HTMLElement, text: string, opts: { onChange: (text: string) => void; lint: (text: string) => Promise<LabDiagnostic[]> }): YamlEditor {
  const words = schemaWords();
  const complete = (ctx: CompletionContext) => {
    // A key: at the start of a line (after indentation or "- "), not after a colon.
    const word = ctx.matchBefore(/^\s*(?:- )?[\w-]*$/);
    if (!word) return null;
    const start = word.from + (/^\s*(?:- )?/.exec(word.text)?.[0].length ?? 0);
    if (start === word.to && !ctx.explicit) return null;
    return { from: start, options: words, validFor: /^[\w-]*$/ };
  };
  const lintSource = async (view: EditorView): Promise<Diagnostic[]> => {
    const doc = view.state.doc;
    const found = await opts.lint(doc.toString());
    return found.map((d) => {
      const from = Math.min(d.from, doc.length);
      const to = Math.min(Math.max(d.to, from), doc.length, doc.lineAt(from).to);
      return { from, to: to > from ? to : Math.min(doc.length, doc.lineAt(from).to), severity: 'error', message: d.message };
    });
  };
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: text,
      extensions: [
        basicSetup,
        yaml(),
        lintGutter(),
        linter(lintSource, { delay: 400 }),
        autocompletion({ override: [complete] }),
        EditorView.updateListener.of((u) => u.docChanged && opts.onChange(u.state.doc.toString())),
        EditorView.theme({ '&': { height: '100%' }, '.cm-scroller': { fontFamily: "'DejaVu Sans Mono', monospace" } }),
      ],
    }),
  });
  return {
    view,
    setText(t: string) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: t } });
    },
    goTo(line: number) {
      const l = view.state.doc.line(Math.max(1, Math.min(line, view.state.doc.lines)));
      view.dispatch({ selection: { anchor: l.from }, scrollIntoView: true });
      view.focus();
    },
    destroy: () => view.destroy(),
  };
}
