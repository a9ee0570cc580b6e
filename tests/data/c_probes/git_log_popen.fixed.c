#include <stdio.h>
#include <string.h>

int last_commit(const char *branch, char *out, size_t out_len)
{
    char cmd[256];
    FILE *p;

    if (strlen(branch) > 100)
        return -1;
    if (branch[0] == '-' || strspn(branch, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._/-") != strlen(branch))
        return -1;
    snprintf(cmd, sizeof(cmd), "git log -1 --format=%%H %s", branch);
    p = popen(cmd, "r");
    if (p == NULL)
        return -1;
    if (fgets(out, (int)out_len, p) == NULL) {
        pclose(p);
        return -1;
    }
    return pclose(p);
}
