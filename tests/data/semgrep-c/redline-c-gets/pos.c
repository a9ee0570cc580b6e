#include <stdio.h>

char *gets(char *s);

int read_name(char *name)
{
    return gets(name) != NULL;
}
