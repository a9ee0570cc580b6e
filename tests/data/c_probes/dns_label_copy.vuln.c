#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct query {
    char name[64];
    uint16_t qtype;
};

int read_first_label(struct query *q, const uint8_t *p, size_t avail)
{
    size_t nlen;

    if (avail < 1)
        return -1;
    nlen = p[0];
    if (nlen + 1 > avail)
        return -1;
    memcpy(q->name, p + 1, nlen);
    q->name[nlen] = '\0';
    if (nlen + 3 <= avail)
        q->qtype = (uint16_t)(p[nlen + 1] << 8 | p[nlen + 2]);
    return (int)nlen + 1;
}
