#include <stdlib.h>
#include <time.h>

struct entry {
    char *key;
    time_t expires;
    struct entry *next;
};

size_t cache_purge(struct entry **head, time_t now)
{
    struct entry *e, *next, *prev = NULL;
    size_t removed = 0;

    for (e = *head; e != NULL; e = next) {
        next = e->next;
        if (e->expires > now) {
            prev = e;
            continue;
        }
        if (prev)
            prev->next = next;
        else
            *head = next;
        free(e->key);
        free(e);
        removed++;
    }
    return removed;
}
