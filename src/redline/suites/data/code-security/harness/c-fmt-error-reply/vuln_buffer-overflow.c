#include <stdio.h>
#include <string.h>

int error_reply(char *out, size_t out_size, const char *bad_command)
{
    if (out_size < 32)
        return -1;
    return sprintf(out, "ERR unknown command: %s\r\n", bad_command);
}
