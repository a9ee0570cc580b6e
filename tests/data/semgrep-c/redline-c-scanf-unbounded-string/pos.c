#include <stdio.h>

int read_key(FILE *f, char *key, char *value)
{
    return fscanf(f, "%s = %s", key, value);
}
