/* Independent secure reference, written from the task prompt only (without seeing the harness tests). */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>

struct session {
    int id;
    char *user;
};

void session_close(struct session **table, size_t n, int id)
{
    if (table == NULL)
        return;
    for (size_t i = 0; i < n; i++) {
        struct session *s = table[i];
        if (s != NULL && s->id == id) {
            table[i] = NULL; /* mark free first: a second CLOSE finds nothing */
            free(s->user);
            s->user = NULL;
            free(s);
        }
    }
}
