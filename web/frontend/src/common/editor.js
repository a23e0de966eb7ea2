// CodeMirror 6 editors for Cypher (legacy cypher mode) and SPARQL (legacy sparql mode).
import { EditorState, StateEffect, StateField, Prec } from "@codemirror/state";
import {
  EditorView, Decoration, keymap, lineNumbers, highlightActiveLine, highlightActiveLineGutter,
  drawSelection, placeholder as placeholderExt, hoverTooltip,
} from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab, insertNewlineAndIndent } from "@codemirror/commands";
import { StreamLanguage, syntaxHighlighting, defaultHighlightStyle, bracketMatching, indentOnInput } from "@codemirror/language";
import { autocompletion, completionKeymap, closeBrackets, closeBracketsKeymap } from "@codemirror/autocomplete";
import { searchKeymap, highlightSelectionMatches } from "@codemirror/search";
import { cypher } from "@codemirror/legacy-modes/mode/cypher";
import { sparql } from "@codemirror/legacy-modes/mode/sparql";

// ---------------------------------------------------------------- theme (inside the shadow root)
const editorTheme = EditorView.theme({
  "&": { minHeight: "150px", maxHeight: "42vh", fontSize: "13.5px", backgroundColor: "#ffffff", color: "#1f2933" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": { fontFamily: "var(--mono, ui-monospace, monospace)", lineHeight: "1.55" },
  ".cm-content": { padding: "8px 0" },
  ".cm-gutters": { backgroundColor: "#f7f9fb", borderRight: "1px solid #dfe4ea", color: "#8a96a3" },
  ".cm-activeLine": { backgroundColor: "#f5f8fc" },
  ".cm-activeLineGutter": { backgroundColor: "#eaf0f7" },
  ".cm-query-error": { backgroundColor: "rgba(180, 35, 24, 0.16)", textDecoration: "underline wavy #b42318", textUnderlineOffset: "3px" },
  ".cm-query-error-line": { backgroundColor: "rgba(180, 35, 24, 0.06)" },
  ".cm-tooltip.cm-tooltip-autocomplete > ul": { fontFamily: "var(--mono, ui-monospace, monospace)", maxHeight: "16em" },
  ".cm-tooltip": { border: "1px solid #c8d0d9", borderRadius: "6px", boxShadow: "0 4px 12px rgba(16, 36, 58, 0.12)", overflow: "hidden" },
  ".cm-placeholder": { color: "#8a96a3" },
});

// ---------------------------------------------------------------- error mark
const setError = StateEffect.define();
const errorMark = Decoration.mark({ class: "cm-query-error" });
const errorLine = Decoration.line({ class: "cm-query-error-line" });

const errorField = StateField.define({
  create: () => Decoration.none,
  update(deco, tr) {
    deco = deco.map(tr.changes);
    for (const e of tr.effects) {
      if (e.is(setError)) {
        if (!e.value) deco = Decoration.none;
        else {
          const { from, to } = e.value;
          const line = tr.state.doc.lineAt(from);
          const ranges = [errorLine.range(line.from)];
          if (to > from) ranges.push(errorMark.range(from, to));
          deco = Decoration.set(ranges, true);
        }
      }
    }
    if (tr.docChanged) deco = Decoration.none;
    return deco;
  },
  provide: (f) => EditorView.decorations.from(f),
});

// position = {line, column, offset}: line and column count from 1; offset from 0.
export function positionToRange(doc, position) {
  if (!position) return null;
  let from = null;
  if (Number.isInteger(position.line) && position.line >= 1) {
    const lineNo = Math.min(position.line, doc.lines);
    const line = doc.line(lineNo);
    const col = Number.isInteger(position.column) ? Math.max(1, position.column) : 1;
    from = Math.min(line.from + col - 1, line.to);
  } else if (Number.isInteger(position.offset)) {
    from = Math.max(0, Math.min(position.offset, doc.length));
  }
  if (from === null) return null;
  const rest = doc.sliceString(from, Math.min(doc.length, from + 80));
  const m = rest.match(/^[\p{L}\p{N}_$]+|^\S/u);
  const to = m ? from + m[0].length : Math.min(doc.length, from + 1);
  return { from, to };
}

export function showError(view, position) {
  const range = positionToRange(view.state.doc, position);
  if (!range) return null;
  view.dispatch({ effects: setError.of(range), selection: { anchor: range.from }, scrollIntoView: true });
  return range;
}

export function clearError(view) {
  view.dispatch({ effects: setError.of(null) });
}

// ---------------------------------------------------------------- completion
const CYPHER_KEYWORDS = [
  "MATCH", "OPTIONAL MATCH", "WHERE", "RETURN", "WITH", "ORDER BY", "SKIP", "LIMIT", "DISTINCT", "UNWIND", "AS",
  "AND", "OR", "NOT", "IN", "IS NULL", "IS NOT NULL", "CONTAINS", "STARTS WITH", "ENDS WITH", "CASE", "WHEN",
  "THEN", "ELSE", "END", "UNION", "DESC", "ASC",
];

// Functions as a console user types them (Neo4j's dialect), with what each engine does with them.
// neo4j: its documentation line; ladybug: what the dialect layer runs instead, or null when it is
// refused there (then it is not offered on that engine). Kept in step with graph/dialect/rules.py.
export const CYPHER_FUNCTIONS = {
  count: { neo4j: "count(expr) — number of non-null values; count(*) counts rows", ladybug: "count(expr), as on Neo4j" },
  collect: { neo4j: "collect(expr) — the values as a list", ladybug: "collect(expr), as on Neo4j" },
  size: { neo4j: "size(list | string) — number of items or characters", ladybug: "size(list | string), as on Neo4j" },
  labels: { neo4j: "labels(node) — the node's labels as a list", ladybug: "translated to [label(node)] (one label per node)" },
  type: { neo4j: "type(relationship) — the relationship type", ladybug: "translated to label(relationship)" },
  keys: { neo4j: "keys(map | node) — property names", ladybug: "translated (as a returned column) to properties() without absent values" },
  properties: { neo4j: "properties(node) — the property map", ladybug: "translated (as a returned column); absent values dropped as on Neo4j" },
  coalesce: { neo4j: "coalesce(a, b, …) — the first non-null argument", ladybug: "coalesce(a, b, …), as on Neo4j" },
  toLower: { neo4j: "toLower(string)", ladybug: "translated to lower(string)" },
  toUpper: { neo4j: "toUpper(string)", ladybug: "translated to upper(string)" },
  toString: { neo4j: "toString(value)", ladybug: "translated to CAST(x AS STRING) for text, dates and integers; refused for numbers with decimals and booleans" },
  toInteger: { neo4j: "toInteger(value) — truncates toward zero", ladybug: "translated to CAST(… AS INT64), truncating as Neo4j" },
  toFloat: { neo4j: "toFloat(value)", ladybug: "translated to CAST(x AS DOUBLE)" },
  toBoolean: { neo4j: "toBoolean(value)", ladybug: "translated to CAST(x AS BOOLEAN)" },
  substring: { neo4j: "substring(string, start [, length]) — start counts from 0", ladybug: "translated: start + 1 (the engine counts from 1)" },
  date: { neo4j: "date(string) — a date; .year .month .day read its parts", ladybug: "date(x); date(x).year/.month/.day translated to date_part" },
  round: { neo4j: "round(x) — nearest integer, halves up", ladybug: "translated to floor(x + 0.5)" },
  shortestPath: { neo4j: "shortestPath((a)-[*..n]-(b)) — one shortest path", ladybug: "translated to (a)-[* SHORTEST 1..n]-(b)" },
  allShortestPaths: { neo4j: "allShortestPaths((a)-[*..n]-(b)) — all shortest paths", ladybug: "translated to (a)-[* ALL SHORTEST 1..n]-(b)" },
  nodes: { neo4j: "nodes(path)", ladybug: "nodes(path), as on Neo4j" },
  length: { neo4j: "length(path) — number of relationships", ladybug: "length(path), as on Neo4j" },
  label: { neo4j: null, ladybug: "label(node | relationship) — the engine's own: one label, a string" },
  elementId: { neo4j: "elementId(node) — an internal id (ParkGraph prefers n.uri)", ladybug: null },
  split: { neo4j: "split(string, delimiter) — keeps empty parts", ladybug: null },
  startNode: { neo4j: "startNode(relationship)", ladybug: null },
  endNode: { neo4j: "endNode(relationship)", ladybug: null },
};

// The functions offered on an engine, with the documentation line shown for it.
export function functionsFor(engine) {
  const key = engine === "neo4j" ? "neo4j" : "ladybug";
  return Object.entries(CYPHER_FUNCTIONS).filter(([, d]) => d[key]).map(([name, d]) => ({ name, doc: d[key] }));
}

function cypherHover(engineRef) {
  return hoverTooltip((view, pos) => {
    const line = view.state.doc.lineAt(pos);
    const text = line.text;
    let a = pos - line.from;
    let b = a;
    while (a > 0 && /[\w]/.test(text[a - 1])) a -= 1;
    while (b < text.length && /[\w]/.test(text[b])) b += 1;
    if (a === b) return null;
    const word = text.slice(a, b);
    if (text[b] !== "(") return null;
    const fn = functionsFor(engineRef.current).find((f) => f.name.toLowerCase() === word.toLowerCase());
    const d = CYPHER_FUNCTIONS[Object.keys(CYPHER_FUNCTIONS).find((k) => k.toLowerCase() === word.toLowerCase())];
    if (!fn && !d) return null;
    const doc = fn ? fn.doc : "not available on this engine";
    return {
      pos: line.from + a,
      end: line.from + b,
      above: true,
      create() {
        const dom = document.createElement("div");
        dom.className = "cm-fn-doc";
        dom.setAttribute("data-testid", "function-doc");
        dom.textContent = `${word}: ${doc}`;
        return { dom };
      },
    };
  });
}

function cypherCompletion(schemaRef, engineRef) {
  return (context) => {
    const s = schemaRef.current;
    const colon = context.matchBefore(/:[\p{L}\p{N}_]*/u);
    if (colon) {
      const before = context.state.doc.sliceString(Math.max(0, colon.from - 60), colon.from);
      const inRel = /\[[^\]]*$/.test(before);
      const labels = s ? s.labels.map((l) => ({ label: l.name, type: "type", detail: `${l.label_zh} · ${l.label_en}` })) : [];
      const rels = s ? s.rel_types.map((r) => ({ label: r.type, type: "enum", detail: `${r.label_zh} · ${r.label_en}` })) : [];
      return { from: colon.from + 1, options: inRel ? [...rels, ...labels] : [...labels, ...rels], validFor: /^[\p{L}\p{N}_]*$/u };
    }
    const dot = context.matchBefore(/\.[\p{L}\p{N}_]*/u);
    if (dot) {
      const keys = s ? s.property_keys : [];
      return { from: dot.from + 1, options: keys.map((k) => ({ label: k, type: "property" })), validFor: /^[\p{L}\p{N}_]*$/u };
    }
    const word = context.matchBefore(/[\p{L}_][\p{L}\p{N}_]*/u);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    const options = CYPHER_KEYWORDS.map((k) => ({ label: k, type: "keyword" }));
    for (const f of functionsFor(engineRef.current)) options.push({ label: f.name, type: "function", info: f.doc });
    if (s) {
      s.labels.forEach((l) => options.push({ label: l.name, type: "type" }));
      s.rel_types.forEach((r) => options.push({ label: r.type, type: "enum" }));
    }
    return { from: word.from, options, validFor: /^[\p{L}\p{N}_]*$/u };
  };
}

// ---------------------------------------------------------------- editor
export function createEditor(parent, { doc = "", language = "cypher", onRun, schemaRef, engineRef, ariaLabel, placeholder, extraKeys = [] } = {}) {
  const mode = language === "sparql" ? sparql : cypher;
  const runKey = Prec.highest(
    keymap.of([
      { key: "Mod-Enter", run: () => { if (onRun) onRun(); return true; } },
      // Shift+Enter is a new line, as in Neo4j Browser; Ctrl/Cmd+Enter runs
      { key: "Shift-Enter", run: insertNewlineAndIndent },
      ...extraKeys,
    ]),
  );
  const extensions = [
    runKey,
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    indentOnInput(),
    bracketMatching(),
    closeBrackets(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    StreamLanguage.define(mode),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    keymap.of([...closeBracketsKeymap, ...defaultKeymap, ...searchKeymap, ...historyKeymap, ...completionKeymap, indentWithTab]),
    errorField,
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ "aria-label": ariaLabel || "query", "data-testid": "editor-content" }),
  ];
  extensions.push(editorTheme);
  if (placeholder) extensions.push(placeholderExt(placeholder));
  if (language === "cypher") {
    const eng = engineRef || { current: null };
    extensions.push(autocompletion({ override: [cypherCompletion(schemaRef || { current: null }, eng)], activateOnTyping: true }));
    extensions.push(cypherHover(eng));
  }
  // CodeMirror injects its styles with style-mod, which uses a <style> element in a document (blocked
  // by the CSP, style-src 'self') but a constructed, adopted stylesheet in a shadow root (allowed).
  // So the editor lives in a shadow root of `parent`; page CSS custom properties still inherit into it.
  const root = parent.shadowRoot || parent.attachShadow({ mode: "open" });
  const view = new EditorView({ state: EditorState.create({ doc, extensions }), parent: root });
  parent.addEventListener("click", (e) => {
    if (e.target === parent) view.focus();
  });
  return view;
}

export function getText(view) {
  return view.state.doc.toString();
}

export function setText(view, text) {
  view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text }, selection: { anchor: text.length } });
}
