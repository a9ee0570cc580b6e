/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char *html_encode(const char *text)
{
    if (text == NULL)
        return NULL;
    size_t need = 1;
    for (const char *p = text; *p; p++) {
        size_t add;
        switch (*p) {
        case '&': add = 5; break;
        case '<': case '>': add = 4; break;
        case '"': add = 6; break;
        case '\'': add = 5; break;
        default: add = 1; break;
        }
        if (need > SIZE_MAX - add)
            return NULL;
        need += add;
    }
    char *out = malloc(need);
    if (out == NULL)
        return NULL;
    char *o = out;
    for (const char *p = text; *p; p++) {
        const char *rep = NULL;
        switch (*p) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        default: break;
        }
        if (rep) {
            size_t l = strlen(rep);
            memcpy(o, rep, l);
            o += l;
        } else {
            *o++ = *p;
        }
    }
    *o = '\0';
    return out;
}
