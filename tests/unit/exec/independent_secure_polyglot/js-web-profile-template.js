// Independent secure reference, written from the task prompt only (without seeing the harness tests).
function escapeHtml(s) {
  return String(s === null || s === undefined ? "" : s).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" })[c]);
}

function safeUrl(u) {
  if (typeof u !== "string") return "#";
  const t = u.trim();
  try {
    const parsed = new URL(t);
    if (parsed.protocol === "http:" || parsed.protocol === "https:") return t;
  } catch (e) {
    /* not an absolute URL */
  }
  return "#";
}

function renderProfile(user) {
  const u = user || {};
  const href = safeUrl(u.website);
  return '<div class="card"><h2>' + escapeHtml(u.displayName) + "</h2><p>" + escapeHtml(u.bio) + '</p><a href="' +
    escapeHtml(href) + '" rel="nofollow noopener noreferrer">' + escapeHtml(u.website) + "</a></div>";
}
module.exports = { renderProfile };
