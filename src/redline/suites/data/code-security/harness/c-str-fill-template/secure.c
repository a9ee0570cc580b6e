#include <stdlib.h>
#include <string.h>

/* Two passes: count the placeholders to size the result exactly, then copy. */
char *fill_template(const char *tpl, const char *name)
{
    static const char key[] = "{name}";
    const size_t klen = sizeof key - 1, nlen = strlen(name);
    size_t count = 0;
    for (const char *p = strstr(tpl, key); p != NULL; p = strstr(p + klen, key))
        count++;
    size_t tlen = strlen(tpl);
    if (nlen > klen && count > ((size_t)-1 - tlen - 1) / (nlen - klen))
        return NULL;
    size_t size = tlen - count * klen + count * nlen + 1;
    char *out = malloc(size);
    if (out == NULL)
        return NULL;
    char *w = out;
    const char *r = tpl, *p;
    while ((p = strstr(r, key)) != NULL) {
        memcpy(w, r, (size_t)(p - r));
        w += p - r;
        memcpy(w, name, nlen);
        w += nlen;
        r = p + klen;
    }
    strcpy(w, r);
    return out;
}
