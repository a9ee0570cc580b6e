#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int ping_host(const char *host, char *out, size_t out_size)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "ping -c 1 %s 2>&1", host);
    FILE *p = popen(cmd, "r");
    if (p == NULL)
        return -1;
    size_t n = fread(out, 1, out_size - 1, p);
    out[n] = '\0';
    int status = pclose(p);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}
