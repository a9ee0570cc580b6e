#include <stdio.h>
#include <string.h>

int read_setting(const char *path, const char *key, char *value, size_t value_size)
{
    FILE *f = fopen(path, "r");
    if (f == NULL || value_size == 0) {
        if (f)
            fclose(f);
        return -1;
    }
    size_t key_len = strlen(key);
    int found = -1;
    int at_line_start = 1;
    char chunk[256];
    while (fgets(chunk, sizeof chunk, f) != NULL) {
        size_t len = strlen(chunk);
        int whole = len > 0 && chunk[len - 1] == '\n';
        if (at_line_start && strncmp(chunk, key, key_len) == 0 && chunk[key_len] == '=') {
            size_t used = 0;
            const char *part = chunk + key_len + 1;
            for (;;) {  /* the value may span several chunks; keep what fits */
                size_t n = strcspn(part, "\n");
                if (n > value_size - 1 - used)
                    n = value_size - 1 - used;
                memcpy(value + used, part, n);
                used += n;
                if (whole || fgets(chunk, sizeof chunk, f) == NULL)
                    break;
                part = chunk;
                len = strlen(chunk);
                whole = len > 0 && chunk[len - 1] == '\n';
            }
            value[used] = '\0';
            found = 0;
            break;
        }
        at_line_start = whole;
    }
    fclose(f);
    return found;
}
