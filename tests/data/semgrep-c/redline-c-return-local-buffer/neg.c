#include <stdio.h>

const char *display_name(const char *first, const char *last)
{
    static char buf[512];
    snprintf(buf, sizeof buf, "%s, %s", last, first);
    return buf;
}
