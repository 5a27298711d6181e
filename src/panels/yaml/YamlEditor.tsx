import { useEffect, useRef } from 'react';
import { basicSetup, EditorView } from 'codemirror';
import { Annotation, EditorState } from '@codemirror/state';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { tags } from '@lezer/highlight';

export interface Problem {
  /** 1-based. */
  line: number;
  column: number;
  message: string;
  severity: 'error' | 'warning';
}

/** Marks transactions that carry `value` into the editor, so they are not reported as edits. */
const fromProp = Annotation.define<boolean>();

/**
 * A hue pulled a quarter of the way (or `share`) towards the editor's text colour: darker on the light
 * theme, lighter on the dark one, so one rule reads in both. (Not `light-dark()`: the page's body
 * says `color-scheme: light` in both themes.)
 */
const towardsText = (color: string, share = 25) => `color-mix(in srgb, ${color}, var(--editor-fg) ${share}%)`;

/**
 * Colours from the app's theme variables, so light and dark both read well. Line numbers are a shade
 * nearer the text than the muted colour: on the gutter's tint that one is 4.34:1, under AA's 4.5:1.
 */
const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '12.5px', backgroundColor: 'var(--editor-bg)', color: 'var(--editor-fg)' },
  '.cm-content': { caretColor: 'var(--editor-fg)' },
  '.cm-gutters': { backgroundColor: 'var(--editor-gutter)', color: towardsText('var(--editor-muted)'), border: 'none' },
  '.cm-activeLine, .cm-activeLineGutter': { backgroundColor: 'var(--editor-active)' },
  '&.cm-focused': { outline: '2px solid #326ce5' },
});

/**
 * YAML's tokens in shades that keep 4.5:1 on the editor's background and its active-line tint, in
 * both themes. CodeMirror's default style is for a white page only (its #00c keys are 1.3:1 on the
 * dark active line); this one replaces it (basicSetup's default is a fallback).
 */
const yamlHighlight = HighlightStyle.define([
  { tag: tags.definition(tags.propertyName), color: towardsText('#3b82f6', 40) },
  { tag: [tags.string, tags.special(tags.string)], color: towardsText('#ef4444', 40) },
  { tag: [tags.keyword, tags.labelName], color: towardsText('#8b5cf6', 40) },
  { tag: tags.typeName, color: towardsText('#10b981', 45) },
  { tag: [tags.meta, tags.comment, tags.lineComment], color: towardsText('var(--editor-muted)') },
  { tag: tags.invalid, color: towardsText('#ef4444', 40) },
]);

/** A nonce the page hands out for its styles (`<meta property="csp-nonce" nonce="…">`, as Vite's `html.cspNonce` writes it), if any. */
function cspNonce(): string | undefined {
  const meta = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]');
  return meta?.nonce || meta?.getAttribute('nonce') || undefined;
}

/** Positions of 1-based line/column problems in the document, clamped to it. */
function toDiagnostics(state: EditorState, problems: readonly Problem[]): Diagnostic[] {
  return problems.map((p) => {
    const line = state.doc.line(Math.min(Math.max(1, p.line), state.doc.lines));
    const from = Math.min(line.from + Math.max(0, p.column - 1), line.to);
    return { from, to: Math.max(from, line.to), severity: p.severity, message: p.message };
  });
}

/**
 * CodeMirror 6 with YAML support. Controlled loosely: `value` replaces the text only when it differs
 * from what the editor holds, so typing is never interrupted; `problems` are shown as lint marks.
 */
export function YamlEditor({ value, onChange, problems, label }: {
  value: string;
  onChange: (text: string) => void;
  problems: readonly Problem[];
  label: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const changeRef = useRef(onChange);
  useEffect(() => {
    changeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    // The editor lives in a shadow root of its own. CodeMirror writes its styles with style-mod,
    // which in a document appends a <style> element (blocked by a Content-Security-Policy without
    // 'unsafe-inline' styles or a nonce) but in a shadow root adopts constructed stylesheets, which
    // style-src does not govern. The app's theme variables (--editor-bg…) inherit into it.
    const shadow = host.current!.shadowRoot ?? host.current!.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.style.height = '100%';
    shadow.replaceChildren(parent);
    const editor = new EditorView({
      parent,
      root: shadow,
      state: EditorState.create({
        doc: value,
        extensions: [
          syntaxHighlighting(yamlHighlight),
          basicSetup,
          yaml(),
          lintGutter(),
          theme,
          ...(cspNonce() ? [EditorView.cspNonce.of(cspNonce()!)] : []),
          // tabindex: the text is already a Tab stop (contenteditable); saying so lets checkers see
          // that the scroller around it can be reached by keyboard (axe scrollable-region-focusable).
          EditorView.contentAttributes.of({ 'aria-label': label, tabindex: '0' }),
          EditorView.updateListener.of((u) => {
            // Only the person's typing is a change; text pushed in from `value` is not.
            if (u.docChanged && !u.transactions.some((t) => t.annotation(fromProp))) changeRef.current(u.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = editor;
    return () => editor.destroy();
    // The editor is created once; value and problems are pushed in by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor || editor.state.doc.toString() === value) return;
    editor.dispatch({ changes: { from: 0, to: editor.state.doc.length, insert: value }, annotations: fromProp.of(true) });
  }, [value]);

  useEffect(() => {
    const editor = view.current;
    if (editor) editor.dispatch(setDiagnostics(editor.state, toDiagnostics(editor.state, problems)));
  }, [problems]);

  return <div ref={host} className="h-full min-h-64 overflow-hidden rounded border border-slate-300 dark:border-slate-700" data-testid="yaml-editor" />;
}
