#include <stdio.h>

int read_key(FILE *f, char key[64], char value[256])
{
    return fscanf(f, "%63s = %255s", key, value);
}
