// Every UI string of the front end, in both languages, in this one dictionary.
// Templates carry only keys (data-i18n="key", data-i18n-placeholder, data-i18n-title,
// data-i18n-aria-label); the page scripts look strings up with t(key, vars).
// Data (entity names, labels of classes and relationship types) comes from the API in both languages.

export const STRINGS = {
  zh: {
    "app.name": "ParkGraph",
    "app.tagline": "国家网络安全产业园区知识图谱",
    "nav.explorer": "图谱浏览",
    "nav.console": "Cypher 控制台",
    "nav.sparql": "SPARQL",
    "nav.compare": "对比",
    "nav.ontology": "本体",
    "compare.title": "园区、分园与地区对比",
    "compare.pick": "选择对象",
    "compare.run": "对比",
    "compare.legend_note": "空心点与虚线为目标或预测值，实心点与实线为实际值。每张图只含一个指标、一种单位；排名只列在表中。",
    "compare.charts": "图表",
    "compare.values": "数值及来源",
    "compare.place": "对象",
    "compare.scope": "范围",
    "compare.actual": "实际",
    "compare.estimate": "估计",
    "compare.target": "目标",
    "compare.forecast": "预测",
    "compare.projected": "目标 / 预测",
    "cite.title": "引用",
    "cite.english": "英文参考文献",
    "cite.fact_sources": "本页事实的来源",
    "cite.dataset": "引用数据集",
    "nav.main": "主导航",
    "nav.skip": "跳到主要内容",
    "lang.switch": "界面语言",
    "lang.zh": "中文",
    "lang.en": "EN",
    "engine.badge": "引擎",
    "engine.readonly": "只读",
    "engine.unknown": "未知引擎",
    "footer.text": "每条事实都可追溯到来源原句。数据许可：CC BY 4.0。",
    "footer.api": "API 文档",
    "footer.cite": "引用数据集",

    "common.loading": "加载中…",
    "common.error": "出错了",
    "common.none": "无",
    "common.close": "关闭",
    "common.copy": "复制",
    "common.copied": "已复制",
    "common.open_entity": "打开实体页",
    "common.open_in_explorer": "在图谱中浏览",
    "common.sources": "来源",
    "common.no_sources": "没有记录来源。",
    "common.properties": "属性",
    "common.property": "属性",
    "common.value": "值",
    "common.repaired": "引文经过修复",
    "common.as_found": "原始抓取文本",
    "common.published": "发布于 {date}",
    "common.source_link": "原文链接",
    "common.network_error": "无法连接服务器：{message}",
    "common.http_error": "服务器返回 {status}：{message}",
    "common.rows": "{n} 行",
    "common.unknown_label": "未知类型",

    "search.label": "搜索实体",
    "search.placeholder": "名称、别名或拼音…",
    "search.button": "搜索",
    "search.no_results": "没有找到“{q}”。",
    "search.results": "{n} 个结果",
    "search.results_of": "{n} / {total} 个结果",
    "search.results_at_least": "{n}+ 个结果",
    "search.more": "更多结果",
    "search.hint": "输入名称、别名或拼音（如 tongzhou）开始浏览。",

    "explorer.filters": "筛选",
    "explorer.labels": "实体类型",
    "explorer.rel_types": "关系类型",
    "explorer.legend": "图例",
    "explorer.undo": "撤销",
    "explorer.fit": "适应画布",
    "explorer.relayout": "重新布局",
    "explorer.clear": "清空画布",
    "explorer.permalink": "复制永久链接",
    "explorer.permalink_copied": "链接已复制",
    "explorer.empty": "搜索一个园区、企业或机构，把它的邻居加入画布。点击节点展开其关系。",
    "explorer.status": "{nodes} 个节点，{edges} 条关系",
    "explorer.details": "详情",
    "explorer.details_empty": "选择一个节点或关系查看其属性与来源。",
    "explorer.expand": "展开",
    "explorer.expanded": "已展开",
    "explorer.collapse": "收起",
    "explorer.remove": "从画布移除",
    "explorer.neighbours": "邻居",
    "explorer.more": "再加载 {n} 个",
    "explorer.group_count": "显示 {shown} / {total}",
    "explorer.relationship": "关系",
    "explorer.from": "起点",
    "explorer.to": "终点",
    "explorer.restoring": "正在恢复视图…",
    "explorer.restore_failed": "无法恢复部分视图：{message}",
    "explorer.all": "全选",
    "explorer.none": "全不选",

    "console.title": "Cypher 控制台",
    "console.run": "运行",
    "console.running": "运行中…",
    "console.run_hint": "Ctrl/⌘ + Enter 运行",
    "console.params": "参数（JSON 对象）",
    "console.params_invalid": "参数不是有效的 JSON 对象：{message}",
    "console.examples": "示例查询",
    "console.history": "历史记录",
    "console.history_empty": "还没有运行过查询。",
    "console.history_clear": "清除历史",
    "console.readonly_note": "只读：写入、建表与加载语句会被拒绝。",
    "console.engine_line": "{engine} · {dialect} {version}",
    "console.limits": "最多 {rows} 行，超时 {timeout} 秒",
    "console.tab_graph": "图",
    "console.tab_table": "表格",
    "console.tab_json": "JSON",
    "console.download_csv": "下载 CSV",
    "console.download_json": "下载 JSON",
    "console.summary": "{rows} 行，用时 {ms} 毫秒",
    "console.truncated": "结果在 {n} 行处被截断。请加 LIMIT 或更严格的条件。",
    "console.no_rows": "查询没有返回任何行。",
    "console.no_graph": "结果里没有节点或关系可画。",
    "console.error_at": "第 {line} 行，第 {column} 列",
    "console.readonly_refused": "已拒绝：数据库为只读",
    "console.timeout": "查询超时",
    "console.ready": "输入查询后按 Ctrl/⌘ + Enter 运行。",
    "console.editor_label": "Cypher 查询编辑器",
    "console.no_examples": "没有示例。",

    "sparql.title": "SPARQL 查询",
    "sparql.run": "运行",
    "sparql.examples": "示例查询",
    "sparql.unavailable": "此服务器尚未提供 SPARQL 端点（{status}）。可以用 `parkgraph export` 导出 RDF 后在其他 SPARQL 引擎中查询。",
    "sparql.examples_unavailable": "无法获取 SPARQL 示例（{status}）。",
    "sparql.boolean": "结果：{value}",
    "sparql.note": "SPARQL 1.1 查询，在本体映射导出的 RDF 上执行（只读）。",
    "sparql.editor_label": "SPARQL 查询编辑器",

    "entity.relations": "关系",
    "entity.observations": "统计观测",
    "entity.chart": "历年数据",
    "entity.chart_unit": "单位：{unit}",
    "entity.chart_note": "实心圆点与实线为实际值；目标（空心圆、虚线）、预计（三角、点线）、估计（方块）、计划（菱形）各用不同标记；点击数据点打开来源。",
    "entity.no_observations": "没有统计观测。",
    "entity.no_relations": "没有关系。",
    "entity.metric": "指标",
    "entity.value": "数值",
    "entity.as_of": "截至",
    "entity.status": "性质",
    "entity.stated_on": "{date}表述",
    "entity.legend_status": "图例",
    "entity.qualifier": "限定词",
    "entity.source": "来源",
    "entity.subject": "统计对象",
    "entity.actual": "实际",
    "entity.target": "目标",
    "entity.aliases": "别名",
    "entity.not_found": "找不到这个实体。",
    "entity.role": "角色",
    "entity.since": "起始",
    "entity.citations": "{n} 条来源",
    "entity.citations_one": "1 条来源",
    "entity.uri": "标识 IRI",
    "entity.json": "JSON",

    "dir.out": "→",
    "dir.in": "←",

    "analysis.title": "网络分析",
    "analysis.paths": "两个实体之间的路径",
    "analysis.from": "起点实体",
    "analysis.to": "终点实体",
    "analysis.k": "路径数 k",
    "analysis.directed": "只沿关系方向",
    "analysis.types": "关系类型",
    "analysis.types_hint": "不选即全部（来源关系除外）。按住 Ctrl/⌘ 多选。",
    "analysis.at": "截至日期（图谱在某一日期）",
    "analysis.at_hint": "只用该日期已知的事实，如 2021、2021-06 或 2021-06-30；留空为全部。",
    "analysis.run_paths": "查找路径",
    "analysis.choose_two": "请先选择起点和终点两个实体。",
    "analysis.no_path": "在所选关系与日期下，这两个实体之间没有路径。",
    "analysis.path_n": "路径 {n}（{length} 步）",
    "analysis.show": "在画布上显示",
    "analysis.computed_on": "计算所用图：{nodes} 个节点，{edges} 条关系；类型：{labels}；截至：{at}",
    "analysis.at_all": "全部日期",
    "analysis.centrality": "中心性前 10",
    "analysis.measure_degree": "度",
    "analysis.measure_betweenness": "介数",
    "analysis.measure_pagerank": "PageRank",
    "analysis.method_exact": "精确计算",
    "analysis.method_sampled": "抽样 {pivots} 个枢纽点（种子 {seed}）",
    "analysis.kind_all": "所有类型",
    "analysis.top10": "前 10",
    "analysis.communities": "社区（Louvain）",
    "analysis.colour": "按社区着色",
    "analysis.uncolour": "取消着色",
    "analysis.communities_summary": "{n} 个社区，模块度 {q}，种子 {seed}",
    "analysis.export": "导出给网络分析工具",
    "analysis.export_hint": "Gephi、Cytoscape 桌面版可读 GEXF 与 GraphML；按上面的关系类型与日期导出。",
    "analysis.nodes_csv": "节点 CSV",
    "analysis.edges_csv": "边 CSV",
  },
  en: {
    "app.name": "ParkGraph",
    "app.tagline": "Knowledge graph of China's national cybersecurity industrial parks",
    "nav.explorer": "Explorer",
    "nav.console": "Cypher console",
    "nav.sparql": "SPARQL",
    "nav.compare": "Compare",
    "nav.ontology": "Ontology",
    "compare.title": "Compare parks, sub-parks and regions",
    "compare.pick": "Pick places",
    "compare.run": "Compare",
    "compare.legend_note": "Hollow points and dashed lines are targets or forecasts; filled points and solid lines are actual values. Each chart holds one metric in one unit; ranks are listed in the table only.",
    "compare.charts": "Charts",
    "compare.values": "Values and their sources",
    "compare.place": "Place",
    "compare.scope": "Scope",
    "compare.actual": "actual",
    "compare.estimate": "estimate",
    "compare.target": "target",
    "compare.forecast": "forecast",
    "compare.projected": "target / forecast",
    "cite.title": "Cite this",
    "cite.english": "Reference (English)",
    "cite.fact_sources": "Sources of the facts on this page",
    "cite.dataset": "Cite the dataset",
    "nav.main": "Main navigation",
    "nav.skip": "Skip to main content",
    "lang.switch": "Interface language",
    "lang.zh": "中文",
    "lang.en": "EN",
    "engine.badge": "Engine",
    "engine.readonly": "read-only",
    "engine.unknown": "unknown engine",
    "footer.text": "Every fact traces back to the sentence it came from. Data licence: CC BY 4.0.",
    "footer.api": "API description",
    "footer.cite": "Cite the dataset",

    "common.loading": "Loading…",
    "common.error": "Something went wrong",
    "common.none": "none",
    "common.close": "Close",
    "common.copy": "Copy",
    "common.copied": "Copied",
    "common.open_entity": "Open entity page",
    "common.open_in_explorer": "Open in explorer",
    "common.sources": "Sources",
    "common.no_sources": "No sources recorded.",
    "common.properties": "Properties",
    "common.property": "Property",
    "common.value": "Value",
    "common.repaired": "Quote repaired",
    "common.as_found": "Text as found",
    "common.published": "published {date}",
    "common.source_link": "link to source",
    "common.network_error": "Cannot reach the server: {message}",
    "common.http_error": "The server answered {status}: {message}",
    "common.rows": "{n} rows",
    "common.unknown_label": "unknown type",

    "search.label": "Search entities",
    "search.placeholder": "Chinese or English name, alias or pinyin…",
    "search.button": "Search",
    "search.no_results": "Nothing found for “{q}”.",
    "search.results": "{n} results",
    "search.results_of": "{n} of {total}",
    "search.results_at_least": "{n}+ results",
    "search.more": "More results",
    "search.hint": "Type a name, an alias or pinyin (e.g. tongzhou) to start exploring.",

    "explorer.filters": "Filters",
    "explorer.labels": "Entity types",
    "explorer.rel_types": "Relationship types",
    "explorer.legend": "Legend",
    "explorer.undo": "Undo",
    "explorer.fit": "Fit",
    "explorer.relayout": "Re-layout",
    "explorer.clear": "Clear",
    "explorer.permalink": "Copy permalink",
    "explorer.permalink_copied": "Link copied",
    "explorer.empty": "Search for a park, an enterprise or an institution to put it and its neighbours on the canvas. Click a node to expand it.",
    "explorer.status": "{nodes} nodes, {edges} relationships",
    "explorer.details": "Details",
    "explorer.details_empty": "Select a node or a relationship to see its properties and sources.",
    "explorer.expand": "Expand",
    "explorer.expanded": "Expanded",
    "explorer.collapse": "Collapse",
    "explorer.remove": "Remove from canvas",
    "explorer.neighbours": "Neighbours",
    "explorer.more": "+{n} more",
    "explorer.group_count": "{shown} of {total} shown",
    "explorer.relationship": "Relationship",
    "explorer.from": "From",
    "explorer.to": "To",
    "explorer.restoring": "Restoring the view…",
    "explorer.restore_failed": "Part of the view could not be restored: {message}",
    "explorer.all": "all",
    "explorer.none": "none",

    "console.title": "Cypher console",
    "console.run": "Run",
    "console.running": "Running…",
    "console.run_hint": "Ctrl/⌘ + Enter runs",
    "console.params": "Parameters (JSON object)",
    "console.params_invalid": "Parameters are not a JSON object: {message}",
    "console.examples": "Example queries",
    "console.history": "History",
    "console.history_empty": "No queries run yet.",
    "console.history_clear": "Clear history",
    "console.readonly_note": "Read-only: writes, schema changes and loads are refused.",
    "console.engine_line": "{engine} · {dialect} {version}",
    "console.limits": "at most {rows} rows, {timeout} s timeout",
    "console.tab_graph": "Graph",
    "console.tab_table": "Table",
    "console.tab_json": "JSON",
    "console.download_csv": "Download CSV",
    "console.download_json": "Download JSON",
    "console.summary": "{rows} rows in {ms} ms",
    "console.truncated": "Result cut at {n} rows. Add a LIMIT or a narrower condition.",
    "console.no_rows": "The query returned no rows.",
    "console.no_graph": "The result holds no nodes or relationships to draw.",
    "console.error_at": "line {line}, column {column}",
    "console.readonly_refused": "Refused: the database is read-only",
    "console.timeout": "Query timed out",
    "console.ready": "Type a query and press Ctrl/⌘ + Enter to run it.",
    "console.editor_label": "Cypher query editor",
    "console.no_examples": "No examples.",

    "sparql.title": "SPARQL query",
    "sparql.run": "Run",
    "sparql.examples": "Example queries",
    "sparql.unavailable": "This server has no SPARQL endpoint yet ({status}). Export RDF with `parkgraph export` to query it with another SPARQL engine.",
    "sparql.examples_unavailable": "SPARQL examples are unavailable ({status}).",
    "sparql.boolean": "Result: {value}",
    "sparql.note": "SPARQL 1.1 over the RDF the ontology mapping exports (read-only).",
    "sparql.editor_label": "SPARQL query editor",

    "entity.relations": "Relations",
    "entity.observations": "Observations",
    "entity.chart": "Over time",
    "entity.chart_unit": "Values in {unit}",
    "entity.chart_note": "Filled circles and solid lines are actual values; targets (hollow circles, dashed), forecasts (triangles, dotted), estimates (squares) and plans (diamonds) each have their own mark. Click a point to open its source.",
    "entity.no_observations": "No observations.",
    "entity.no_relations": "No relations.",
    "entity.metric": "Metric",
    "entity.value": "Value",
    "entity.as_of": "As of",
    "entity.status": "Status",
    "entity.stated_on": "stated {date}",
    "entity.legend_status": "Key",
    "entity.qualifier": "Qualifier",
    "entity.source": "Source",
    "entity.subject": "Subject",
    "entity.actual": "actual",
    "entity.target": "target",
    "entity.aliases": "Aliases",
    "entity.not_found": "No such entity.",
    "entity.role": "role",
    "entity.since": "since",
    "entity.citations": "{n} sources",
    "entity.citations_one": "1 source",
    "entity.uri": "IRI",
    "entity.json": "JSON",

    "dir.out": "→",
    "dir.in": "←",

    "analysis.title": "Analysis",
    "analysis.paths": "Paths between two entities",
    "analysis.from": "From",
    "analysis.to": "To",
    "analysis.k": "Paths (k)",
    "analysis.directed": "Only along relationship direction",
    "analysis.types": "Relationship types",
    "analysis.types_hint": "None chosen means all (except provenance). Ctrl/⌘-click to choose several.",
    "analysis.at": "Graph at a date",
    "analysis.at_hint": "Only facts known at that date, e.g. 2021, 2021-06 or 2021-06-30; empty for all.",
    "analysis.run_paths": "Find paths",
    "analysis.choose_two": "Choose two entities first: from and to.",
    "analysis.no_path": "No path joins these two entities with the chosen types and date.",
    "analysis.path_n": "Path {n} ({length} hops)",
    "analysis.show": "Show on canvas",
    "analysis.computed_on": "Computed on {nodes} nodes and {edges} relationships; kinds: {labels}; at: {at}",
    "analysis.at_all": "all dates",
    "analysis.centrality": "Centrality, top 10",
    "analysis.measure_degree": "Degree",
    "analysis.measure_betweenness": "Betweenness",
    "analysis.measure_pagerank": "PageRank",
    "analysis.method_exact": "exact",
    "analysis.method_sampled": "sampled, {pivots} pivots (seed {seed})",
    "analysis.kind_all": "All kinds",
    "analysis.top10": "Top 10",
    "analysis.communities": "Communities (Louvain)",
    "analysis.colour": "Colour by community",
    "analysis.uncolour": "Remove colours",
    "analysis.communities_summary": "{n} communities, modularity {q}, seed {seed}",
    "analysis.export": "Export for network tools",
    "analysis.export_hint": "Gephi and Cytoscape desktop read GEXF and GraphML; exported with the relationship types and date above.",
    "analysis.nodes_csv": "Nodes CSV",
    "analysis.edges_csv": "Edges CSV",
  },
};

export const LANGS = ["zh", "en"];
const STORAGE_KEY = "parkgraph.lang";
const listeners = new Set();

function readCookie(name) {
  for (const part of document.cookie.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}

function initialLang() {
  let stored = null;
  try {
    stored = localStorage.getItem(STORAGE_KEY);
  } catch (_) {
    /* storage may be disabled */
  }
  if (LANGS.includes(stored)) return stored;
  const cookie = readCookie("lang");
  if (LANGS.includes(cookie)) return cookie;
  const nav = (navigator.language || "").toLowerCase();
  return nav.startsWith("zh") ? "zh" : "en";
}

let current = initialLang();

export function lang() {
  return current;
}

export function otherLang() {
  return current === "zh" ? "en" : "zh";
}

export function setLang(next) {
  if (!LANGS.includes(next)) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch (_) {
    /* ignore */
  }
  document.cookie = `lang=${next}; path=/; max-age=31536000; SameSite=Lax`;
  applyI18n(document);
  for (const fn of listeners) fn(next);
}

export function onLangChange(fn) {
  listeners.add(fn);
}

// t("key", {n: 3}) → the string in the current language with {n} filled in.
export function t(key, vars) {
  const table = STRINGS[current] || STRINGS.en;
  let s = table[key];
  if (s === undefined) s = STRINGS.en[key];
  if (s === undefined) return key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] === undefined || vars[k] === null ? m : String(vars[k])));
  return s;
}

// Pick the zh or en member of an object: pick(obj, "label") reads label_zh / label_en.
export function pick(obj, base, which = current) {
  if (!obj) return "";
  const other = which === "zh" ? "en" : "zh";
  return obj[`${base}_${which}`] || obj[`${base}_${other}`] || "";
}

export function applyI18n(root) {
  document.documentElement.lang = current === "zh" ? "zh-CN" : "en";
  for (const el of root.querySelectorAll("[data-i18n]")) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll("[data-i18n-title]")) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll("[data-i18n-aria-label]")) el.setAttribute("aria-label", t(el.dataset.i18nAriaLabel));
}
