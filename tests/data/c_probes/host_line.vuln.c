#include <stdio.h>
#include <string.h>

int write_host_line(FILE *out, const char *host, unsigned port)
{
    char line[64];

    if (host == NULL || strlen(host) > 255)
        return -1;
    sprintf(line, "Host: %s:%u\r\n", host, port);
    return fputs(line, out) < 0 ? -1 : 0;
}
