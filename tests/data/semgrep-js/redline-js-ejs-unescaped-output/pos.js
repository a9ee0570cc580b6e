const ejs = require("ejs");
const TEMPLATE = "<ul><% comments.forEach(c => { %><li><%= c.author %>: <%- c.html_body %></li><% }) %></ul>";
module.exports = (comments) => ejs.render(TEMPLATE, { comments });
