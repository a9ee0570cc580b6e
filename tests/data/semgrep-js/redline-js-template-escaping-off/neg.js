const Handlebars = require("handlebars");

function renderComment(comment) {
  const template = Handlebars.compile("<p>{{body}}</p>");
  return template({ body: comment.body });
}

module.exports = { renderComment };
