/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stddef.h>
#include <string.h>

int split_csv_line(const char *line, char fields[][64], int max_fields)
{
    if (line == NULL || fields == NULL || max_fields <= 0)
        return 0;
    int n = 0;
    const char *p = line;
    for (;;) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        /* Drop a trailing line ending on the last field. */
        if (comma == NULL) {
            while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r'))
                len--;
        }
        if (len > 63)
            len = 63; /* truncate over-long fields */
        memcpy(fields[n], p, len);
        fields[n][len] = '\0';
        n++;
        if (comma == NULL || n >= max_fields)
            break;
        p = comma + 1;
    }
    return n;
}
