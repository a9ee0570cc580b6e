// Independent secure reference for js-web-markdown-comment, written from the task prompt only (without seeing the harness tests).
// comments.js: reader comments (a small Markdown subset) as HTML for the comment list

const ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };

function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ESC[c]);
}

// Emphasis on already escaped text: escaping neither adds nor removes '*', and the tags added here are ours.
function emphasis(escaped) {
  return escaped
    .replace(/\*\*([^\n]+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*\n]+?)\*/g, "<em>$1</em>");
}

// A link target is allowed only when it is relative or uses http, https or mailto: javascript:, data:,
// vbscript: and every other scheme are refused. Control characters are refused outright because browsers
// strip some of them before reading the scheme.
function safeUrl(url) {
  if (/[\u0000-\u0020\u007f-\u009f]/.test(url)) return false;
  const m = /^([^/?#]*?):/.exec(url);
  if (!m) return true;
  return /^(https?|mailto)$/i.test(m[1]);
}

function renderInline(raw) {
  return emphasis(escapeHtml(raw));
}

/** **bold** -> <strong>, *italic* -> <em>, [label](url) -> <a href="url">label</a>, newline -> <br>. */
function renderComment(text) {
  const src = String(text === null || text === undefined ? "" : text).replace(/\u0000/g, "");
  // Links are rendered first and parked behind NUL-delimited placeholders (NUL cannot occur in src any more),
  // so emphasis around a link still applies and nothing inside a link's href is touched by it.
  // The target may hold balanced parentheses one level deep, as in CommonMark: "(https://w.org/a_(b))".
  const links = [];
  const linkRe = /\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;
  const parked = src.replace(linkRe, (whole, labelText, url) => {
    const label = renderInline(labelText);
    links.push(safeUrl(url) ? `<a href="${escapeHtml(url)}">${label}</a>` : label);
    return `\u0000${links.length - 1}\u0000`;
  });
  return renderInline(parked)
    .replace(/\u0000([0-9]+)\u0000/g, (whole, i) => links[Number(i)])
    .replace(/\r\n|\r|\n/g, "<br>");
}

module.exports = { renderComment };
