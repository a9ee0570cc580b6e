#include <stdlib.h>

int grow(char **buf, size_t n)
{
    *buf = realloc(*buf, n);
    return *buf ? 0 : -1;
}
