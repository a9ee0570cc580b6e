#include <stdlib.h>

int grow(char **buf, size_t n)
{
    char *p = realloc(*buf, n);
    if (p == NULL)
        return -1;
    *buf = p;
    return 0;
}
