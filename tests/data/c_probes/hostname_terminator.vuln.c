#include <stddef.h>
#include <string.h>

#define HOST_MAX 255

static char current_host[HOST_MAX + 1];

int set_host_header(const char *value, size_t vlen)
{
    char host[HOST_MAX];

    if (value == NULL || vlen == 0)
        return -1;
    if (vlen > sizeof(host))
        return -1;
    memcpy(host, value, vlen);
    host[vlen] = '\0';
    strcpy(current_host, host);
    return 0;
}
