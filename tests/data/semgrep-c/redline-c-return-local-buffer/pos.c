#include <stdio.h>

const char *display_name(const char *first, const char *last)
{
    char buf[256];
    snprintf(buf, sizeof buf, "%s, %s", last, first);
    return buf;
}
