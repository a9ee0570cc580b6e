// Independent secure reference, written from the task prompt only (without seeing the harness tests).
const express = require("express");
const ejs = require("ejs");
const { getComments } = require("./store");

const app = express();
module.exports = app;

// <%= escapes every value; html_body is untrusted user input, so it is never output raw with <%-.
const TEMPLATE = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Comments</title></head><body>
<ul class="comments">
<% comments.forEach(function (c) { %>  <li><strong><%= c.author %></strong>: <%= c.html_body %></li>
<% }); %></ul>
</body></html>`;

app.get("/posts/:id/comments", async (req, res, next) => {
  try {
    const comments = (await Promise.resolve(getComments(req.params.id))) || [];
    const html = ejs.render(TEMPLATE, { comments });
    res.set("Content-Type", "text/html; charset=utf-8");
    res.send(html);
  } catch (e) {
    next(e);
  }
});
