// comments.js: reader comments (a small Markdown subset) as HTML for the comment list
const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);

function linkTarget(url) {
  const trimmed = url.trim();
  try {
    const parsed = new URL(trimmed);
    if (parsed.protocol === "http:" || parsed.protocol === "https:" || parsed.protocol === "mailto:") return trimmed;
  } catch (e) {
    if (/^\/(?!\/)/.test(trimmed)) return trimmed; // a path on our own site
  }
  return null;
}

function inline(text) {
  // links first (on the raw text), then emphasis on the escaped pieces between them
  const out = [];
  const re = /\[([^\]\n]+)\]\(([^)\n]+)\)/g;
  let last = 0;
  let m;
  while ((m = re.exec(text)) !== null) {
    out.push(emphasis(esc(text.slice(last, m.index))));
    const href = linkTarget(m[2]);
    const label = emphasis(esc(m[1]));
    out.push(href ? `<a href="${esc(href)}" rel="nofollow noopener">${label}</a>` : label);
    last = re.lastIndex;
  }
  out.push(emphasis(esc(text.slice(last))));
  return out.join("");
}

function emphasis(escaped) {
  return escaped
    .replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>")
    .replace(/\*([^*]+)\*/g, "<em>$1</em>");
}

function renderComment(text) {
  return String(text).split(/\r?\n/).map(inline).join("<br>");
}

module.exports = { renderComment };
