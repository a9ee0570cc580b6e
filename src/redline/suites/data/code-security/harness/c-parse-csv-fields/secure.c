#include <string.h>

int split_csv_line(const char *line, char fields[][64], int max_fields)
{
    int n = 0;
    const char *start = line;
    if (max_fields <= 0)
        return 0;
    for (;;) {
        const char *comma = strchr(start, ',');
        size_t len = comma ? (size_t)(comma - start) : strlen(start);
        if (len > 63)
            len = 63;  /* longer fields are cut to fit */
        memcpy(fields[n], start, len);
        fields[n][len] = '\0';
        n++;
        if (comma == NULL || n == max_fields)
            return n;
        start = comma + 1;
    }
}
