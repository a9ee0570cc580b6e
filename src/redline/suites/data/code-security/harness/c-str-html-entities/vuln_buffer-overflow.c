#include <stdlib.h>
#include <string.h>

char *html_encode(const char *text)
{
    /* the longest entity, &#39;, is five characters */
    char *out = malloc(strlen(text) * 5 + 1);
    if (out == NULL)
        return NULL;
    out[0] = '\0';
    for (const char *p = text; *p; p++) {
        switch (*p) {
        case '&': strcat(out, "&amp;"); break;
        case '<': strcat(out, "&lt;"); break;
        case '>': strcat(out, "&gt;"); break;
        case '"': strcat(out, "&quot;"); break;
        case '\'': strcat(out, "&#39;"); break;
        default: strncat(out, p, 1);
        }
    }
    return out;
}
