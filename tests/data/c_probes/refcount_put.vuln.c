#include <stdlib.h>
#include <time.h>

struct cached {
    int refs;
    time_t last_used;
    void *payload;
};

void cached_put(struct cached *obj, time_t now)
{
    if (--obj->refs == 0) {
        free(obj->payload);
        free(obj);
    }
    obj->last_used = now;
}
