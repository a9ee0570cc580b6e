/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

/* Thread-local static buffer: valid until the next call in the same thread, never a dangling stack pointer. */
#define NAME_BUF 1024

const char *display_name(const char *first, const char *last)
{
    static _Thread_local char buf[NAME_BUF];
    if (first == NULL)
        first = "";
    if (last == NULL)
        last = "";
    int n = snprintf(buf, sizeof buf, "%s, %s", last, first);
    if (n < 0)
        buf[0] = '\0';
    return buf;
}
