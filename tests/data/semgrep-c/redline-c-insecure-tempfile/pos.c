#include <stdio.h>
#include <stdlib.h>

char *tmpnam(char *s);

FILE *open_spool(char *path_out)
{
    tmpnam(path_out);
    return fopen(path_out, "w");
}
