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
  const out = [];
  // The target may hold balanced parentheses one level deep, as in CommonMark: "(https://w.org/a_(b))".
  const linkRe = /\[([^\]\n]*)\]\(((?:[^()\s]|\([^()\s]*\))+)\)/g;
  let last = 0;
  let m;
  while ((m = linkRe.exec(src)) !== null) {
    out.push(renderInline(src.slice(last, m.index)));
    const label = renderInline(m[1]);
    const url = m[2];
    if (safeUrl(url)) {
      out.push(`<a href="${escapeHtml(url)}">${label}</a>`);
    } else {
      out.push(label);
    }
    last = linkRe.lastIndex;
  }
  out.push(renderInline(src.slice(last)));
  return out.join("").replace(/\r\n|\r|\n/g, "<br>");
}

module.exports = { renderComment };
