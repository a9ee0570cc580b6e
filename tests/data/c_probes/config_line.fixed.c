#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct option {
    char key[32];
    long value;
};

int parse_option_line(char *line, struct option *opt)
{
    char *eq;
    char *end;

    line[strcspn(line, "\r\n")] = '\0';
    if (line[0] == '#' || line[0] == '\0')
        return 0;
    eq = strchr(line, '=');
    if (eq == NULL)
        return -1;
    *eq = '\0';
    snprintf(opt->key, sizeof(opt->key), "%s", line);
    opt->value = strtol(eq + 1, &end, 10);
    if (*end != '\0')
        return -1;
    return 1;
}
