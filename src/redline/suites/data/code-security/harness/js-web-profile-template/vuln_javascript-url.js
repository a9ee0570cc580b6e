// profile.js: HTML for the profile card shown on /u/:name

function esc(s) {
  return String(s ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

function renderProfile(user) {
  return `<div class="card"><h2>${esc(user.displayName)}</h2><p>${esc(user.bio)}</p>` +
    `<a href="${esc(user.website)}">${esc(user.website)}</a></div>`;
}

module.exports = { renderProfile };
