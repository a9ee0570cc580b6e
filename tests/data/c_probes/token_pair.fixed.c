#include <stdlib.h>
#include <string.h>

struct limit {
    char name[32];
    long value;
};

int parse_limit(char *line, struct limit *lim)
{
    char *name = strtok(line, " \t");
    char *value = strtok(NULL, " \t\n");

    if (name == NULL || value == NULL)
        return -1;
    strncpy(lim->name, name, sizeof(lim->name) - 1);
    lim->name[sizeof(lim->name) - 1] = '\0';
    lim->value = strtol(value, NULL, 10);
    return 0;
}
