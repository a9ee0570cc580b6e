const express = require("express");
const ejs = require("ejs");
const { getComments } = require("./store");

const app = express();

const TEMPLATE = `<!doctype html>
<html><body>
<h1>Comments</h1>
<% if (comments.length === 0) { %><p>No comments yet.</p><% } %>
<ul>
<% comments.forEach(function (c) { %>
  <li><strong><%= c.author %></strong><div class="body"><%= c.html_body %></div></li>
<% }) %>
</ul>
</body></html>`;

app.get("/posts/:id/comments", async (req, res, next) => {
  try {
    const comments = await getComments(req.params.id);
    res.type("html").send(ejs.render(TEMPLATE, { comments }));
  } catch (err) {
    next(err);
  }
});

module.exports = app;
