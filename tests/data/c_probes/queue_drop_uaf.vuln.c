#include <stdio.h>
#include <stdlib.h>

struct item {
    unsigned id;
    size_t size;
    struct item *next;
};

struct queue {
    struct item *head, *tail;
    size_t len, cap;
    unsigned long dropped;
};

int queue_push(struct queue *q, struct item *it)
{
    if (q->len >= q->cap) {
        free(it);
        q->dropped++;
        fprintf(stderr, "queue full, dropped item %u (%zu bytes)\n", it->id, it->size);
        return -1;
    }
    it->next = NULL;
    if (q->tail)
        q->tail->next = it;
    else
        q->head = it;
    q->tail = it;
    q->len++;
    return 0;
}
