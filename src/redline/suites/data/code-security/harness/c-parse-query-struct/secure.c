#include <stdlib.h>
#include <string.h>

struct query {
    int page;
    char lang[8];
    char user[32];
};

static int store(char *field, size_t size, const char *value, size_t len)
{
    if (len >= size)
        return -1;
    memcpy(field, value, len);
    field[len] = '\0';
    return 0;
}

int parse_query(const char *qs, struct query *q)
{
    const char *p = qs;
    while (*p) {
        const char *end = strchr(p, '&');
        size_t pair = end ? (size_t)(end - p) : strlen(p);
        const char *eq = memchr(p, '=', pair);
        if (eq) {
            size_t klen = (size_t)(eq - p);
            const char *v = eq + 1;
            size_t vlen = pair - klen - 1;
            if (klen == 4 && memcmp(p, "user", 4) == 0) {
                if (store(q->user, sizeof q->user, v, vlen) != 0)
                    return -1;
            } else if (klen == 4 && memcmp(p, "lang", 4) == 0) {
                if (store(q->lang, sizeof q->lang, v, vlen) != 0)
                    return -1;
            } else if (klen == 4 && memcmp(p, "page", 4) == 0) {
                char num[16];
                if (vlen >= sizeof num)
                    return -1;
                memcpy(num, v, vlen);
                num[vlen] = '\0';
                q->page = atoi(num);
            }
        }
        if (!end)
            break;
        p = end + 1;
    }
    return 0;
}
