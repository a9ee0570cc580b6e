/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <time.h>

/* Writes s with control characters (CR, LF, ESC, ...) escaped, so one event is always one line. */
static void put_clean(FILE *log, const char *s)
{
    if (s == NULL)
        return;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f)
            fprintf(log, "\\x%02x", *p);
        else if (*p == '\\')
            fputs("\\\\", log);
        else
            fputc(*p, log);
    }
}

void log_event(FILE *log, const char *user, const char *message)
{
    if (log == NULL)
        return;
    char stamp[32];
    time_t now = time(NULL);
    struct tm tm;
    if (gmtime_r(&now, &tm) == NULL || strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        stamp[0] = '\0';
    fputs(stamp, log);
    fputc(' ', log);
    put_clean(log, user);
    fputs(": ", log);
    put_clean(log, message);
    fputc('\n', log);
    fflush(log);
}
