#include <stddef.h>
#include <stdint.h>

struct stream {
    uint32_t id;
    uint64_t bytes;
    struct stream *next;
};

struct session {
    struct stream *streams;
    uint64_t total;
};

static struct stream *find_stream(struct session *s, uint32_t id)
{
    struct stream *it;

    for (it = s->streams; it != NULL; it = it->next)
        if (it->id == id)
            return it;
    return NULL;
}

int on_data_frame(struct session *s, uint32_t stream_id, size_t len)
{
    struct stream *st = find_stream(s, stream_id);

    st->bytes += len;
    s->total += len;
    return 0;
}
