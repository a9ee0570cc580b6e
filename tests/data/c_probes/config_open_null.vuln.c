#include <stdio.h>
#include <string.h>

int count_enabled(const char *path)
{
    FILE *f = fopen(path, "r");
    char line[256];
    int n = 0;

    while (fgets(line, sizeof(line), f) != NULL) {
        if (strncmp(line, "enabled=1", 9) == 0)
            n++;
    }
    fclose(f);
    return n;
}
