#include <stdio.h>
#include <syslog.h>

void log_event(FILE *log, const char *user, const char *message)
{
    fprintf(log, "%s: ", user);
    fprintf(log, message);
    syslog(LOG_WARNING, message);
}

int reply(char *out, size_t n, const char *cmd)
{
    return snprintf(out, n, cmd);
}
