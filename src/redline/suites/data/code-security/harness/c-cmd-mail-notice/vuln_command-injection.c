#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

int mail_notice(const char *to, const char *body)
{
    char cmd[512];
    if (snprintf(cmd, sizeof cmd, "sendmail -i '%s'", to) >= (int)sizeof cmd)
        return -1;
    FILE *p = popen(cmd, "w");
    if (p == NULL)
        return -1;
    fputs(body, p);
    int status = pclose(p);
    return (status != -1 && WIFEXITED(status) && WEXITSTATUS(status) == 0) ? 0 : -1;
}
