const express = require("express");
const ejs = require("ejs");
const { getComments } = require("./store");

const app = express();

const template = `
<h2>Comments</h2>
<% comments.forEach(function(comment) { %>
  <div class="comment">
    <p class="author"><%= comment.author %></p>
    <div class="body"><%- comment.html_body %></div>
  </div>
<% }); %>
`;

app.get("/posts/:id/comments", (req, res) => {
  const comments = getComments(req.params.id);
  const html = ejs.render(template, { comments });
  res.set("Content-Type", "text/html");
  res.send(html);
});

module.exports = app;
