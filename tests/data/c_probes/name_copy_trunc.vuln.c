#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct entry {
    uint16_t name_len;
    char *name;
};

int entry_set_name(struct entry *e, const char *name)
{
    size_t n = strlen(name);
    uint16_t stored = (uint16_t)(n + 1);

    e->name = malloc(stored);
    if (e->name == NULL)
        return -1;
    memcpy(e->name, name, n + 1);
    e->name_len = stored;
    return 0;
}
