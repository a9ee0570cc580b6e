/* Independent secure reference for c-mem-expire-list, written from the task prompt only (without seeing the harness tests). */
#include <stddef.h>
#include <stdlib.h>
#include <time.h>

struct conn {
    int fd;
    time_t expires;
    struct conn *next;
};

/* Unlinks and free()s every node of *head whose expires <= now (fd left alone), keeps the rest in order,
   updates *head; returns the number of nodes removed.
   Walks a pointer to the link that points at the current node, and reads node->next before freeing node,
   so no freed node is ever read again. */
size_t drop_expired(struct conn **head, time_t now)
{
    if (head == NULL)
        return 0;
    size_t removed = 0;
    struct conn **link = head;
    while (*link != NULL) {
        struct conn *node = *link;
        if (node->expires <= now) {
            *link = node->next;
            free(node);
            removed++;
        } else {
            link = &node->next;
        }
    }
    return removed;
}
