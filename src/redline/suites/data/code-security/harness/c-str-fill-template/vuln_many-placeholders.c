#include <stdlib.h>
#include <string.h>

char *fill_template(const char *tpl, const char *name)
{
    /* room for the template plus the name */
    char *out = malloc(strlen(tpl) + strlen(name) + 1);
    if (out == NULL)
        return NULL;
    char *w = out;
    const char *r = tpl;
    while (*r) {
        if (strncmp(r, "{name}", 6) == 0) {
            strcpy(w, name);
            w += strlen(name);
            r += 6;
        } else {
            *w++ = *r++;
        }
    }
    *w = '\0';
    return out;
}
