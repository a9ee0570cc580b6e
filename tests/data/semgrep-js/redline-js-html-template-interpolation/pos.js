function renderProfile(user) {
  return `<div class="card"><h2>${user.displayName}</h2><p>${user.bio}</p></div>`;
}

function row(name) {
  return "<li>" + name + "</li>";
}
