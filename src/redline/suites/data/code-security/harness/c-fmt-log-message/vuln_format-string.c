#include <stdio.h>
#include <time.h>

void log_event(FILE *log, const char *user, const char *message)
{
    char line[1024];
    time_t now = time(NULL);
    strftime(line, sizeof line, "%Y-%m-%dT%H:%M:%SZ ", gmtime(&now));
    fputs(line, log);
    snprintf(line, sizeof line, "%s: %s\n", user, message);
    fprintf(log, line);
    fflush(log);
}
