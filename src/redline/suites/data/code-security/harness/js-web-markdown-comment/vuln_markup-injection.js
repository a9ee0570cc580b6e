// comments.js: reader comments (a small Markdown subset) as HTML for the comment list
function renderComment(text) {
  return String(text)
    .replace(/\[([^\]]+)\]\(([^)]+)\)/g, (m, label, url) => {
      const u = url.trim();
      if (!/^(https?:|mailto:|\/)/i.test(u)) return label;
      return `<a href="${u}">${label}</a>`;
    })
    .replace(/\*\*(.+?)\*\*/g, "<strong>$1</strong>")
    .replace(/\*(.+?)\*/g, "<em>$1</em>")
    .replace(/\r?\n/g, "<br>");
}

module.exports = { renderComment };
