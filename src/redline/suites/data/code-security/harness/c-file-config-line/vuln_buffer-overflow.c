#include <stdio.h>
#include <string.h>

int read_setting(const char *path, const char *key, char *value, size_t value_size)
{
    char line[4096];
    (void)value_size;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    size_t k = strlen(key);
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, key, k) == 0 && line[k] == '=') {
            line[strcspn(line, "\n")] = '\0';
            strcpy(value, line + k + 1);
            fclose(f);
            return 0;
        }
    }
    fclose(f);
    return -1;
}
