#include <stdlib.h>
#include <string.h>

struct rtpmap {
    int payload_type;
    char encoding[16];
    unsigned clock_rate;
};

int parse_rtpmap(const char *value, struct rtpmap *map)
{
    const char *p = value;
    char *end;
    size_t i = 0;

    map->payload_type = (int)strtol(p, &end, 10);
    if (end == p || *end != ' ')
        return -1;
    p = end + 1;
    while (*p != '\0' && *p != '/' && i < sizeof(map->encoding) - 1)
        map->encoding[i++] = *p++;
    map->encoding[i] = '\0';
    if (*p != '/')
        return -1;
    map->clock_rate = (unsigned)strtoul(p + 1, NULL, 10);
    return 0;
}
