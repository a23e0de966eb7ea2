// The one CSV writer of the front end (console and SPARQL downloads). RFC 4180 quoting, and cells a
// spreadsheet would run as a formula — starting with = + - @ or a tab / carriage return — get a
// leading apostrophe (OWASP "CSV injection"); plain numbers such as -12 stay numbers. The server's
// `parkgraph query --format csv` applies the same rule (parkgraph/csvsafe.py).

const FORMULA_START = /^[=+\-@\t\r]/;
const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

export function csvCell(value) {
  let s = value === null || value === undefined ? "" : String(value);
  if (FORMULA_START.test(s) && !NUMBER.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

// A whole file: a byte-order mark (so Excel reads UTF-8), CRLF line ends.
export function csvText(header, rows) {
  const lines = [header.map(csvCell).join(","), ...rows.map((r) => r.map(csvCell).join(","))];
  return `\ufeff${lines.join("\r\n")}\r\n`;
}
