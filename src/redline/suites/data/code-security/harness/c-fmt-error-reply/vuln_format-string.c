#include <stdio.h>
#include <string.h>

int error_reply(char *out, size_t out_size, const char *bad_command)
{
    char cmd[200];
    int n = snprintf(out, out_size, "ERR unknown command: ");
    if (n < 0 || (size_t)n >= out_size)
        return -1;
    snprintf(cmd, sizeof cmd, bad_command);
    size_t used = (size_t)n + strlen(cmd) + 2;
    if (used >= out_size)
        return -1;
    strcat(out, cmd);
    strcat(out, "\r\n");
    return (int)used;
}
