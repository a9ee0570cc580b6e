#include <stdlib.h>
#include <string.h>

char **split_words(const char *text, size_t *count)
{
    char *list[256];
    size_t n = 0;
    const char *p = text;
    while (*p && n < 256) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t len = strcspn(p, " ");
        list[n] = strndup(p, len);
        n++;
        p += len;
    }
    *count = n;
    char **volatile result = list;  /* handed back through a pointer */
    return result;
}
