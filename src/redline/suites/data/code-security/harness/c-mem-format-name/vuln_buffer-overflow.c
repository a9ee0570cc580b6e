#include <stdio.h>
#include <string.h>

const char *display_name(const char *first, const char *last)
{
    static char buf[256];
    sprintf(buf, "%s, %s", last, first);
    return buf;
}
