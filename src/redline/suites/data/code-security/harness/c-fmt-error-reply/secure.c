#include <stdio.h>
#include <string.h>

int error_reply(char *out, size_t out_size, const char *bad_command)
{
    int n = snprintf(out, out_size, "ERR unknown command: %s\r\n", bad_command);
    if (n < 0 || (size_t)n >= out_size)
        return -1;
    return n;
}
