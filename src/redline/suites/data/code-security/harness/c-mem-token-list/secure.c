#include <stdlib.h>
#include <string.h>

char **split_words(const char *text, size_t *count)
{
    size_t n = 0, cap = 8;
    char **words = malloc(cap * sizeof *words);
    if (words == NULL)
        return NULL;
    const char *p = text;
    for (;;) {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        size_t len = strcspn(p, " ");
        if (n == cap) {
            char **bigger = realloc(words, 2 * cap * sizeof *words);
            if (bigger == NULL)
                goto fail;
            words = bigger;
            cap *= 2;
        }
        words[n] = malloc(len + 1);
        if (words[n] == NULL)
            goto fail;
        memcpy(words[n], p, len);
        words[n][len] = '\0';
        n++;
        p += len;
    }
    *count = n;
    return words;
fail:
    for (size_t i = 0; i < n; i++)
        free(words[i]);
    free(words);
    return NULL;
}
