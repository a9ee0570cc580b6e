/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

int read_setting(const char *path, const char *key, char *value, size_t value_size)
{
    if (path == NULL || key == NULL || value == NULL || value_size == 0)
        return -1;
    FILE *f = fopen(path, "r");
    if (f == NULL)
        return -1;
    size_t klen = strlen(key);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    int rc = -1;
    /* getline grows its buffer, so long hand-edited lines are read whole and never overflow. */
    while ((n = getline(&line, &cap, f)) >= 0) {
        size_t len = (size_t)n;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len > klen && strncmp(line, key, klen) == 0 && line[klen] == '=') {
            const char *v = line + klen + 1;
            size_t vlen = len - klen - 1;
            if (vlen >= value_size)
                vlen = value_size - 1;
            memcpy(value, v, vlen);
            value[vlen] = '\0';
            rc = 0;
            break;
        }
        if (len == klen && strncmp(line, key, klen) == 0) {
            /* "key" without '=': not a setting */
            continue;
        }
    }
    free(line);
    fclose(f);
    return rc;
}
