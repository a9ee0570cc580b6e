/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

char **split_words(const char *text, size_t *count)
{
    if (count != NULL)
        *count = 0;
    if (text == NULL || count == NULL)
        return NULL;
    size_t n = 0;
    for (const char *p = text; *p; ) {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        n++;
        while (*p && *p != ' ')
            p++;
    }
    if (n > SIZE_MAX / sizeof(char *) - 1)
        return NULL;
    char **words = calloc(n + 1, sizeof(char *));
    if (words == NULL)
        return NULL;
    size_t i = 0;
    for (const char *p = text; *p && i < n; ) {
        while (*p == ' ')
            p++;
        if (*p == '\0')
            break;
        const char *start = p;
        while (*p && *p != ' ')
            p++;
        size_t len = (size_t)(p - start);
        char *w = malloc(len + 1);
        if (w == NULL) {
            for (size_t j = 0; j < i; j++)
                free(words[j]);
            free(words);
            return NULL;
        }
        memcpy(w, start, len);
        w[len] = '\0';
        words[i++] = w;
    }
    *count = i;
    return words;
}
