#include <stddef.h>
#include <stdlib.h>
#include <time.h>

struct conn {
    int fd;
    time_t expires;
    struct conn *next;
};

/* Walks a pointer to the link that points at the current node, so unlinking never needs the freed node. */
size_t drop_expired(struct conn **head, time_t now)
{
    size_t removed = 0;
    struct conn **link = head;
    while (*link != NULL) {
        struct conn *c = *link;
        if (c->expires <= now) {
            *link = c->next;
            free(c);
            removed++;
        } else {
            link = &c->next;
        }
    }
    return removed;
}
