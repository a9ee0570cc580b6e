#include <stdio.h>

int read_name(char *name, int size)
{
    return fgets(name, size, stdin) != NULL;
}
