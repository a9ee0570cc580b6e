#include <stdlib.h>
#include <string.h>

static const char *entity(char c)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '"': return "&quot;";
    case '\'': return "&#39;";
    default: return NULL;
    }
}

char *html_encode(const char *text)
{
    size_t size = 1;
    for (const char *p = text; *p; p++) {
        const char *e = entity(*p);
        size += e ? strlen(e) : 1;
    }
    char *out = malloc(size);
    if (out == NULL)
        return NULL;
    char *o = out;
    for (const char *p = text; *p; p++) {
        const char *e = entity(*p);
        if (e) {
            size_t n = strlen(e);
            memcpy(o, e, n);
            o += n;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}
