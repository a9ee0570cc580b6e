#include <stdlib.h>

struct session {
    int id;
    char *user;
};

void session_close(struct session **table, size_t n, int id)
{
    for (size_t i = 0; i < n; i++) {
        if (table[i] != NULL && table[i]->id == id) {
            free(table[i]->user);
            free(table[i]);
        }
    }
}
