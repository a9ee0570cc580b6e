// profile.js: HTML for the profile card shown on /u/:name

const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(value) {
  return String(value == null ? "" : value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

function safeUrl(value) {
  try {
    const url = new URL(String(value));
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : "";
  } catch (e) {
    return "";
  }
}

function renderProfile(user) {
  const site = safeUrl(user.website);
  const link = site ? `<a href="${escapeHtml(site)}">${escapeHtml(site)}</a>` : "";
  return `<div class="card"><h2>${escapeHtml(user.displayName)}</h2><p>${escapeHtml(user.bio)}</p>${link}</div>`;
}

module.exports = { renderProfile };
