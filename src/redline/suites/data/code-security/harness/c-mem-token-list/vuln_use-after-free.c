#include <stdlib.h>
#include <string.h>

char **split_words(const char *text, size_t *count)
{
    char *copy = strdup(text);
    if (!copy)
        return NULL;
    char **words = malloc((strlen(text) / 2 + 1) * sizeof *words);
    if (!words) {
        free(copy);
        return NULL;
    }
    size_t n = 0;
    for (char *w = strtok(copy, " "); w; w = strtok(NULL, " "))
        words[n++] = strdup(w);
    free(copy);
    /* the first word points back into the working copy */
    if (n > 0) {
        free(words[0]);
        words[0] = copy;
    }
    *count = n;
    return words;
}
