function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, (c) => "&#" + c.charCodeAt(0) + ";");
}

function renderProfile(user) {
  return `<div class="card"><h2>${escapeHtml(user.displayName)}</h2><p>${escapeHtml(user.bio)}</p></div>`;
}

function row(name) {
  return "<li>" + escapeHtml(name) + "</li>";
}
