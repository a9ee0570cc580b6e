// profile.js: HTML for the profile card shown on /u/:name

function renderProfile(user) {
  return '<div class="card">' +
    "<h2>" + user.displayName + "</h2>" +
    "<p>" + user.bio + "</p>" +
    '<a href="' + user.website + '">' + user.website + "</a>" +
    "</div>";
}

module.exports = { renderProfile };
