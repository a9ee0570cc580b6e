#include <stdio.h>
#include <time.h>

void log_event(FILE *log, const char *user, const char *message)
{
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
    fprintf(log, "%s %s: %s\n", stamp, user, message);
    fflush(log);
}
