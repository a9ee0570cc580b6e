#include <stdio.h>
#include <syslog.h>

#define LINE_FMT "%s: %s\n"

void log_event(FILE *log, const char *user, const char *message)
{
    fprintf(log, "%s: %s\n", user, message);
    fprintf(log, LINE_FMT, user, message);
    syslog(LOG_WARNING, "%s", message);
    printf("done\n");
}
