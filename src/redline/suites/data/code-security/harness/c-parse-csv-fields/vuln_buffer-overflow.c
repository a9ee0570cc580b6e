#include <string.h>

int split_csv_line(const char *line, char fields[][64], int max_fields)
{
    int n = 0, k = 0;
    (void)max_fields;
    for (const char *p = line;; p++) {
        if (*p == ',' || *p == '\0') {
            fields[n][k] = '\0';
            n++;
            k = 0;
            if (*p == '\0')
                break;
        } else {
            fields[n][k++] = *p;
        }
    }
    return n;
}
